using SourceRecords.Contracts;
using Wolverine;

namespace Review.Verifications;

/// <summary>SourceRecords' field catalogue, asked once per process: it is fixed data.</summary>
public sealed class FieldCatalogueClient
{
    private FieldCatalogueReply? _reply;

    public async Task<IReadOnlyList<FieldDescription>> FieldsAsync(IMessageBus bus, CancellationToken ct)
    {
        _reply ??= await bus.InvokeAsync<FieldCatalogueReply>(new GetFieldCatalogue(), ct);
        return _reply.Fields;
    }
}
