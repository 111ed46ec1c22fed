using BuildingBlocks.Actors;
using FastEndpoints;
using Marten;
using Review.Inbound;
using Review.Staff.NextInQueue;
using Review.Verifications;
using Wolverine;

namespace Review.Staff.ReviewDetail;

internal sealed record ReviewDetailRequest(string StudentNumber);

public sealed record ReviewDetailView(string StudentNumber, string Name, string CollegeCode, string Cohort, string Status, string StatusLabel,
    long Version, DateTimeOffset? SubmittedAt, IReadOnlyList<FieldComparison> Fields, IReadOnlyList<string> ChangedFields,
    IReadOnlyList<string> FieldsToCopy, RejectionView? Rejection, string? NextStudentNumber);

/// <summary>生源详情: school and proposed values side by side; which differ; which still need copying.</summary>
internal sealed class ReviewDetailEndpoint(IQuerySession session, IMessageBus bus, FieldCatalogueClient catalogue)
    : Endpoint<ReviewDetailRequest, ReviewDetailView>
{
    public override void Configure()
    {
        Get("/api/reviews/{studentNumber}");
        Roles(BuildingBlocks.Actors.Roles.College, BuildingBlocks.Actors.Roles.School);
        Summary(s => s.Summary = "审核详情（学校库与学生核验值对照）");
    }

    public override async Task HandleAsync(ReviewDetailRequest req, CancellationToken ct) =>
        await Send.OkAsync(await LoadAsync(session, bus, catalogue, ActorContext.Current!, req.StudentNumber, ct), ct);

    internal static async Task<ReviewDetailView> LoadAsync(IQuerySession session, IMessageBus bus, FieldCatalogueClient catalogue,
        Actor actor, string studentNumber, CancellationToken ct)
    {
        var v = await session.LoadAsync<Verification>(Verification.StreamKey(studentNumber), ct);
        if (v is null) throw ReviewScope.NotFound();
        ReviewScope.EnsureCanAct(actor, v);
        var record = await session.LoadAsync<SchoolRecordCopy>(studentNumber, ct);
        var fields = VerificationViews.Compare(v, record?.Values ?? new Dictionary<string, string?>(),
            await catalogue.FieldsAsync(bus, ct), actor.Role);
        var next = await NextInQueueEndpoint.FindAsync(session, actor, studentNumber, nameof(VerificationStatus.Submitted), v.Cohort, ct);
        return new ReviewDetailView(v.StudentNumber, v.Name, v.CollegeCode, v.Cohort, v.Status.ToString(), v.StatusLabel,
            v.Version, v.SubmittedAt, fields, fields.Where(f => f.Changed).Select(f => f.Field).ToList(),
            fields.Where(f => f.Changed && !f.Copied).Select(f => f.Field).ToList(),
            VerificationViews.Rejection(v), next);
    }
}
