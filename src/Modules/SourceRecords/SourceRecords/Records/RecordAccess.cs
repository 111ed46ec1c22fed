using BuildingBlocks.Actors;
using BuildingBlocks.Problems;
using Marten;
using SourceRecords.Colleges;

namespace SourceRecords.Records;

/// <summary>
/// Scope rules: a student sees only their own record and never learns whether another exists (404);
/// college staff act only within their college (403).
/// </summary>
internal static class RecordAccess
{
    public const string OutOfCollege = "只能处理本学院学生的生源记录。";

    public static Actor Current => ActorContext.Current ?? throw ProblemException.Forbidden();

    public static async Task<SourceRecord> LoadForReadAsync(IQuerySession session, string studentNumber, Actor actor, CancellationToken ct)
    {
        if (actor.IsStudent && actor.StudentNumber != studentNumber) throw NotFound();
        var record = await session.LoadAsync<SourceRecord>(SourceRecord.StreamKey(studentNumber), ct) ?? throw NotFound();
        EnsureCollege(actor, record.CollegeCode);
        return record;
    }

    public static void EnsureCollege(Actor actor, string? collegeCode)
    {
        if (actor.IsCollege && actor.CollegeCode != collegeCode) throw ProblemException.Forbidden(OutOfCollege);
    }

    public static ProblemException NotFound() => ProblemException.NotFound("未找到该学生的生源记录。");

    public static async Task<HashSet<string>> CollegeCodesAsync(IQuerySession session, CancellationToken ct) =>
        (await session.Query<College>().Select(c => c.Code).ToListAsync(ct)).ToHashSet();

    public static async Task<Dictionary<string, string>> CollegeNamesAsync(IQuerySession session, CancellationToken ct) =>
        (await session.Query<College>().ToListAsync(ct)).ToDictionary(c => c.Code, c => c.Name);

    /// <summary>The verification status of each student, from SourceRecords' copy of Review's status messages.</summary>
    public static async Task<Dictionary<string, string>> VerificationStatusesAsync(IQuerySession session, IEnumerable<string> studentNumbers,
        CancellationToken ct) =>
        (await session.LoadManyAsync<Inbound.VerificationStatusCopy>(ct, studentNumbers.ToArray())).ToDictionary(c => c.Id, c => c.Status);
}
