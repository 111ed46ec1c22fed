using Microsoft.AspNetCore.RateLimiting;

namespace BuildingBlocks.Problems;

public static class RateLimiting
{
    /// <summary>429 as problem details; modules add their own named policies to the rate limiter.</summary>
    public static async ValueTask WriteProblemAsync(OnRejectedContext context, CancellationToken ct) =>
        await Problem.WriteAsync(context.HttpContext, Problem.Create(429, ProblemCodes.TooManyRequests,
            "请求过于频繁，请稍后再试。", context: context.HttpContext));
}
