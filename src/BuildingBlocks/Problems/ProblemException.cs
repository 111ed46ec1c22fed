namespace BuildingBlocks.Problems;

/// <summary>
/// A coded refusal: becomes an application/problem+json answer with a stable <c>code</c>.
/// <paramref name="detail"/> is read by people, so it is Chinese.
/// </summary>
public sealed class ProblemException(int status, string code, string detail,
    IReadOnlyDictionary<string, string[]>? errors = null) : Exception(detail)
{
    public int Status { get; } = status;
    public string Code { get; } = code;
    public string Detail { get; } = detail;
    public IReadOnlyDictionary<string, string[]>? Errors { get; } = errors;

    public static ProblemException Validation(string field, string message) =>
        new(400, ProblemCodes.Validation, message, new Dictionary<string, string[]> { [field] = [message] });

    public static ProblemException Validation(IReadOnlyDictionary<string, string[]> errors) =>
        new(400, ProblemCodes.Validation, "提交的数据有误，请按提示修改。", errors);

    public static ProblemException NotFound(string detail = "未找到。") => new(404, ProblemCodes.NotFound, detail);

    public static ProblemException Forbidden(string detail = "无权执行此操作。") => new(403, ProblemCodes.Forbidden, detail);

    public static ProblemException Conflict(string code, string detail) => new(409, code, detail);
}

/// <summary>The stable problem codes every module shares; modules add their own beside these.</summary>
public static class ProblemCodes
{
    public const string Validation = "validation.failed";
    public const string NotFound = "not-found";
    public const string Forbidden = "auth.forbidden";
    public const string Unauthenticated = "auth.unauthenticated";
    public const string VersionConflict = "record.version-conflict";
    public const string Duplicate = "duplicate";
    public const string ServerError = "server.error";
    public const string TooManyRequests = "rate-limited";
}
