using Marten;
using SourceRecords.Contracts;
using SourceRecords.Fields;
using SourceRecords.Records;

namespace SourceRecords.Inbound;

/// <summary>Answers <see cref="GetFieldCatalogue"/> for other modules.</summary>
public static class GetFieldCatalogueHandler
{
    public static FieldCatalogueReply Handle(GetFieldCatalogue _) => new(FieldCatalogue.Describe());
}

/// <summary>Answers <see cref="CheckFieldValues"/>: which fields the role may not edit, and every invalid or missing value.</summary>
public static class CheckFieldValuesHandler
{
    public static async Task<FieldValuesChecked> Handle(CheckFieldValues request, IQuerySession session, TimeProvider clock, CancellationToken ct)
    {
        // A value the role may not edit is locked only when it differs from the current one (a form may send it back unchanged).
        var locked = request.Values
            .Where(v => FieldCatalogue.Find(v.Key) is { } d && !d.EditableByRole(request.Role)
                && request.Current.GetValueOrDefault(v.Key) != FieldCatalogue.Clean(v.Value))
            .Select(v => v.Key).ToList();
        var merged = new Dictionary<string, string?>(request.Current.Where(c => FieldCatalogue.Find(c.Key) is not null));
        foreach (var (field, value) in request.Values) merged[field] = FieldCatalogue.Clean(value);

        var colleges = await RecordAccess.CollegeCodesAsync(session, ct);
        var errors = FieldCatalogue.Validate(merged, request.RequireComplete ? FieldCatalogue.Fields.Where(f => f.Required) : null,
            colleges, DateOnly.FromDateTime(clock.GetLocalNow().DateTime));
        return new FieldValuesChecked(locked,
            FieldCatalogue.ToProblemErrors(errors));
    }
}
