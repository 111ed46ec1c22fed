using FastEndpoints;
using Marten;

namespace SourceRecords.Records.GetRecord;

internal sealed class GetRecordEndpoint(IQuerySession session) : EndpointWithoutRequest<RecordResponse>
{
    public override void Configure()
    {
        Get("/api/source-records/{studentNumber}");
        Summary(s => s.Summary = "生源记录详情：学生只能看自己的，学院只能看本学院的");
    }

    public override async Task HandleAsync(CancellationToken ct)
    {
        var record = await RecordAccess.LoadForReadAsync(session, Route<string>("studentNumber")!, RecordAccess.Current, ct);
        var status = await session.LoadAsync<Inbound.VerificationStatusCopy>(record.StudentNumber, ct);
        await Send.OkAsync(RecordResponse.From(record, status?.Status ?? SourceRecord.NotStarted), ct);
    }
}
