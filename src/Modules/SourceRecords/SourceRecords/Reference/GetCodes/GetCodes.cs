using FastEndpoints;

namespace SourceRecords.Reference.GetCodes;

internal sealed class GetCodesEndpoint : EndpointWithoutRequest<IReadOnlyDictionary<string, IReadOnlyList<CodeEntry>>>
{
    public override void Configure()
    {
        Get("/api/reference/codes");
        Summary(s => s.Summary = "代码表：gender, ethnicity (GB 3304), politicalStatus (GB/T 4762), educationLevel, trainingMode, urbanRural, hardshipCategory, normalStudentCategory");
    }

    public override Task HandleAsync(CancellationToken ct) => Send.OkAsync(CodeTables.All, ct);
}
