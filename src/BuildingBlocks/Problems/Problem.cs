using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace BuildingBlocks.Problems;

/// <summary>Writes RFC 9457 problem details with our <c>code</c> and <c>errors</c> extensions.</summary>
public static class Problem
{
    private static readonly Dictionary<int, string> Titles = new()
    {
        [400] = "请求有误 (Bad Request)",
        [401] = "未登录或登录已失效 (Unauthorized)",
        [403] = "无权访问 (Forbidden)",
        [404] = "未找到 (Not Found)",
        [409] = "冲突 (Conflict)",
        [413] = "内容过大 (Payload Too Large)",
        [415] = "不支持的类型 (Unsupported Media Type)",
        [423] = "账号已锁定 (Locked)",
        [429] = "请求过于频繁 (Too Many Requests)",
        [500] = "服务器错误 (Server Error)",
    };

    public static ProblemDetails Create(int status, string code, string detail,
        IReadOnlyDictionary<string, string[]>? errors = null, HttpContext? context = null)
    {
        var problem = new ProblemDetails
        {
            Status = status,
            Title = Titles.GetValueOrDefault(status, "错误"),
            Detail = detail,
            Type = $"https://httpstatuses.io/{status}",
            Instance = context?.Request.Path,
        };
        problem.Extensions["code"] = code;
        if (errors is { Count: > 0 }) problem.Extensions["errors"] = errors;
        if (context is not null) problem.Extensions["traceId"] = context.TraceIdentifier;
        return problem;
    }

    public static ProblemDetails From(ProblemException e, HttpContext? context = null) =>
        Create(e.Status, e.Code, e.Detail, e.Errors, context);

    public static async Task WriteAsync(HttpContext context, ProblemDetails problem)
    {
        context.Response.StatusCode = problem.Status ?? 500;
        context.Response.ContentType = "application/problem+json; charset=utf-8";
        await JsonSerializer.SerializeAsync(context.Response.Body, problem, JsonOptions, context.RequestAborted);
    }

    public static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };
}
