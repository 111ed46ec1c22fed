using BuildingBlocks.Actors;
using FastEndpoints;
using Marten;
using Review.Inbound;
using Review.Verifications;
using Wolverine;

namespace Review.Student.ViewVerification;

public sealed record StudentVerificationView(
    string StudentNumber,
    string Status,
    string StatusLabel,
    bool Completed,
    long Version,
    IReadOnlyDictionary<string, string?> SchoolValues,
    IReadOnlyDictionary<string, string?> ProposedValues,
    IReadOnlyList<string> ChangedFields,
    IReadOnlyList<FieldComparison> Fields,
    IReadOnlyList<string> EditableFields,
    RejectionView? Rejection,
    DateTimeOffset? StudentDeadline,
    bool CanEdit,
    bool CanSubmit,
    bool CanWithdraw);

/// <summary>生源信息: the student's own verification, school values beside the proposal, differences marked.</summary>
internal sealed class ViewVerificationEndpoint(IQuerySession session, IMessageBus bus, FieldCatalogueClient catalogue)
    : EndpointWithoutRequest<StudentVerificationView>
{
    public override void Configure()
    {
        Get("/api/verification");
        Roles(BuildingBlocks.Actors.Roles.Student);
        Summary(s => s.Summary = "学生查看本人生源核验信息");
    }

    public override async Task HandleAsync(CancellationToken ct) =>
        await Send.OkAsync(await LoadAsync(session, bus, catalogue, ActorContext.Current!.UserName, ct), ct);

    internal static async Task<StudentVerificationView> LoadAsync(IQuerySession session, IMessageBus bus, FieldCatalogueClient catalogue,
        string studentNumber, CancellationToken ct)
    {
        var v = await session.LoadAsync<Verification>(Verification.StreamKey(studentNumber), ct);
        if (v is null || v.Archived) throw ReviewScope.NotFound();
        var record = await session.LoadAsync<SchoolRecordCopy>(studentNumber, ct);
        var cohort = await session.LoadAsync<CohortCopy>(v.Cohort, ct);
        var school = (IReadOnlyDictionary<string, string?>?)record?.Values ?? new Dictionary<string, string?>();
        var fields = VerificationViews.Compare(v, school, await catalogue.FieldsAsync(bus, ct), BuildingBlocks.Actors.Roles.Student);
        var editable = VerificationViews.IsStudentEditable(v);
        return new StudentVerificationView(
            v.StudentNumber, v.Status.ToString(), v.StatusLabel, v.Completed, v.Version,
            school,
            fields.ToDictionary(f => f.Field, f => f.ProposedValue),
            fields.Where(f => f.Changed).Select(f => f.Field).ToList(),
            fields,
            editable ? fields.Where(f => f.Editable).Select(f => f.Field).ToList() : [],
            VerificationViews.Rejection(v),
            cohort?.StudentDeadline,
            editable,
            v.Status == VerificationStatus.InProgress,
            v.Status is VerificationStatus.Submitted or VerificationStatus.CollegeRejected or VerificationStatus.SchoolRejected);
    }
}
