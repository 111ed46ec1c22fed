using JasperFx;
using Marten.Exceptions;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace BuildingBlocks.Problems;

/// <summary>Turns coded refusals and known store conflicts into problem details, once for every module.</summary>
public sealed class ProblemExceptionMiddleware(RequestDelegate next, ILogger<ProblemExceptionMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        try
        {
            await next(context);
        }
        catch (Exception e) when (!context.Response.HasStarted && Map(Unwrap(e), context) is { } problem)
        {
            await Problem.WriteAsync(context, problem);
        }
        catch (Exception e) when (!context.Response.HasStarted && e is not OperationCanceledException)
        {
            logger.LogError(e, "Unhandled error on {Method} {Path}", context.Request.Method, context.Request.Path);
            await Problem.WriteAsync(context, Problem.Create(500, ProblemCodes.ServerError, "服务器内部错误，请稍后重试。", context: context));
        }
    }

    private static Exception Unwrap(Exception e) => e is AggregateException { InnerExceptions.Count: 1 } a ? Unwrap(a.InnerExceptions[0]) : e;

    private static Microsoft.AspNetCore.Mvc.ProblemDetails? Map(Exception e, HttpContext context) => e switch
    {
        ProblemException p => Problem.From(p, context),
        ConcurrencyException => Problem.Create(409, ProblemCodes.VersionConflict,
            "数据已被他人修改，请刷新后重试。", context: context),
        ExistingStreamIdCollisionException => Problem.Create(409, ProblemCodes.Duplicate, "该记录已存在。", context: context),
        BadHttpRequestException { StatusCode: 413 } => Problem.Create(413, "request.too-large", "上传内容过大。", context: context),
        BadHttpRequestException b => Problem.Create(b.StatusCode, "request.invalid", "请求格式有误。", context: context),
        _ => null,
    };
}
