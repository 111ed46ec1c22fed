using Marten;
using SourceRecords.Contracts;

namespace Identity.Colleges;

/// <summary>Identity's own copy of the colleges list: a staff account may only be scoped to a known college.</summary>
public sealed class KnownCollege
{
    public string Id { get; set; } = "";
    public string Name { get; set; } = "";
}

public static class CollegeRegisteredHandler
{
    public static void Handle(CollegeRegistered message, IDocumentSession session) =>
        session.Store(new KnownCollege { Id = message.Code, Name = message.Name });
}
