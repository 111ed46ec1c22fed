using System.Text.Json;
using FluentValidation.Results;
using Microsoft.AspNetCore.Http;

namespace BuildingBlocks.Problems;

/// <summary>FastEndpoints' validation failures as our problem details: <c>errors: { field: [messages] }</c>.</summary>
public static class ValidationProblems
{
    public static object Build(List<ValidationFailure> failures, HttpContext context, int status)
    {
        var errors = failures
            .GroupBy(f => FieldName(f.PropertyName))
            .ToDictionary(g => g.Key, g => g.Select(f => f.ErrorMessage).Distinct().ToArray());
        var code = failures.Select(f => f.ErrorCode).FirstOrDefault(c => c is not null && c.Contains('.')) ?? ProblemCodes.Validation;
        var detail = string.Join("；", errors.SelectMany(e => e.Value).Distinct().Take(5));
        return Problem.Create(status, code, detail.Length == 0 ? "提交的数据有误。" : detail, errors, context);
    }

    private static string FieldName(string propertyName) =>
        string.Join('.', propertyName.Split('.').Select(p => JsonNamingPolicy.CamelCase.ConvertName(p)));
}
