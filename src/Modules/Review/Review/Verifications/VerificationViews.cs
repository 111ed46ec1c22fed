using SourceRecords.Contracts;

namespace Review.Verifications;

public sealed record FieldComparison(string Field, string Label, string? SchoolValue, string? ProposedValue, bool Changed, bool Editable, bool Copied);

public sealed record RejectionView(string Stage, string Reason, string By, DateTimeOffset At);

internal static class VerificationViews
{
    /// <summary>School and proposed values side by side, in catalogue order, with the differing ones marked (the red “!”).</summary>
    public static List<FieldComparison> Compare(Verification v, IReadOnlyDictionary<string, string?> school,
        IReadOnlyList<FieldDescription> catalogue, string role) =>
        catalogue.Select(f =>
        {
            var schoolValue = VerificationDecider.Normalize(school.GetValueOrDefault(f.Field));
            var proposed = v.Proposed.TryGetValue(f.Field, out var p) ? VerificationDecider.Normalize(p) : schoolValue;
            return new FieldComparison(f.Field, f.Label, schoolValue, proposed, proposed != schoolValue,
                f.EditableBy.Contains(role), v.CopiedFields.Contains(f.Field));
        }).ToList();

    public static RejectionView? Rejection(Verification v) =>
        v.Rejection is { } r ? new RejectionView(r.Stage, r.Reason, r.By, r.At) : null;

    public static bool IsStudentEditable(Verification v) => !v.Archived && v.Status is VerificationStatus.NotStarted
        or VerificationStatus.InProgress or VerificationStatus.CollegeRejected or VerificationStatus.SchoolRejected;
}
