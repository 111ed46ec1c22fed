using FastEndpoints;
using SourceRecords.Contracts;

namespace SourceRecords.Fields.GetFields;

internal sealed class GetFieldsEndpoint : EndpointWithoutRequest<IReadOnlyList<FieldDescription>>
{
    public override void Configure()
    {
        Get("/api/source-records/fields");
        Summary(s => s.Summary = "字段目录：字段、中文标签、类型、代码表、是否必填、可编辑角色");
    }

    public override Task HandleAsync(CancellationToken ct) => Send.OkAsync(FieldCatalogue.Describe(), ct);
}
