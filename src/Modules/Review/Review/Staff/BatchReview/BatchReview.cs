using BuildingBlocks.Problems;
using FastEndpoints;
using JasperFx;
using Marten;
using Review.Staff.CollegeReview;
using Review.Verifications;
using Wolverine;

namespace Review.Staff.BatchReview;

internal sealed record BatchReviewRequest(List<string>? StudentNumbers, string? Decision, string? Reason);

public sealed record BatchItemResult(string StudentNumber, bool Ok, string? Code, string? Message, string? Status);

public sealed record BatchReviewResult(IReadOnlyList<BatchItemResult> Results, int Succeeded, int Failed);

/// <summary>批量审核: each record is decided on its own, at the version it has now; one refusal does not stop the rest.</summary>
internal abstract class BatchReviewEndpointBase(IMessageBus bus, IQuerySession session) : Endpoint<BatchReviewRequest, BatchReviewResult>
{
    protected abstract object Command(string studentNumber, long version, string decision, string? reason);

    public override async Task HandleAsync(BatchReviewRequest req, CancellationToken ct)
    {
        var numbers = (req.StudentNumbers ?? []).Where(n => !string.IsNullOrWhiteSpace(n)).Select(n => n.Trim()).Distinct().ToList();
        if (numbers.Count == 0) throw ProblemException.Validation("studentNumbers", "请选择要审核的学生");
        if (numbers.Count > 1000) throw ProblemException.Validation("studentNumbers", "一次最多审核 1000 人");
        var decision = ReviewDecisions.Decision(req.Decision ?? "approve");

        var results = new List<BatchItemResult>(numbers.Count);
        foreach (var number in numbers)
        {
            try
            {
                var v = await session.LoadAsync<Verification>(Verification.StreamKey(number), ct) ?? throw ReviewScope.NotFound();
                await bus.InvokeAsync(Command(number, v.Version, decision, req.Reason), ct);
                var after = await session.LoadAsync<Verification>(Verification.StreamKey(number), ct);
                results.Add(new BatchItemResult(number, true, null, null, after?.Status.ToString()));
            }
            catch (ProblemException e)
            {
                results.Add(new BatchItemResult(number, false, e.Code, e.Detail, null));
            }
            catch (ConcurrencyException)
            {
                results.Add(new BatchItemResult(number, false, ProblemCodes.VersionConflict, "数据已被他人修改，请刷新后重试。", null));
            }
        }
        await Send.OkAsync(new BatchReviewResult(results, results.Count(r => r.Ok), results.Count(r => !r.Ok)), ct);
    }
}

internal sealed class CollegeBatchReviewEndpoint(IMessageBus bus, IQuerySession session) : BatchReviewEndpointBase(bus, session)
{
    public override void Configure()
    {
        Post("/api/reviews/college-review/batch");
        Roles(BuildingBlocks.Actors.Roles.College, BuildingBlocks.Actors.Roles.School);
        Summary(s => s.Summary = "学院批量审核");
    }

    protected override object Command(string studentNumber, long version, string decision, string? reason) =>
        new Verifications.CollegeReview(studentNumber, version, decision, reason);
}

internal sealed class SchoolBatchReviewEndpoint(IMessageBus bus, IQuerySession session) : BatchReviewEndpointBase(bus, session)
{
    public override void Configure()
    {
        Post("/api/reviews/school-review/batch");
        Roles(BuildingBlocks.Actors.Roles.School);
        Summary(s => s.Summary = "学校批量审核");
    }

    protected override object Command(string studentNumber, long version, string decision, string? reason) =>
        new Verifications.SchoolReview(studentNumber, version, decision, reason);
}
