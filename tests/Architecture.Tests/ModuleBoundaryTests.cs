using System.Reflection;
using BuildingBlocks.Audit;
using BuildingBlocks.Modules;
using FastEndpoints;
using NetArchTest.Rules;

namespace Architecture.Tests;

public sealed class ModuleBoundaryTests
{
    private static readonly Assembly[] Modules =
    [
        typeof(Identity.IdentityModule).Assembly,
        typeof(SourceRecords.SourceRecordsModule).Assembly,
        typeof(Review.ReviewModule).Assembly,
        typeof(Notifications.NotificationsModule).Assembly,
    ];

    private static readonly Assembly[] Contracts =
    [
        typeof(SourceRecords.Contracts.CollegeRegistered).Assembly,
        Assembly.Load("Identity.Contracts"),
        Assembly.Load("Review.Contracts"),
        Assembly.Load("Notifications.Contracts"),
    ];

    public static TheoryData<string> ModuleNames => new(Modules.Select(m => m.GetName().Name!));

    private static Assembly Module(string name) => Modules.Single(m => m.GetName().Name == name);

    [Theory]
    [MemberData(nameof(ModuleNames))]
    public void A_module_references_no_other_module_except_through_its_Contracts(string name)
    {
        var module = Module(name);
        var otherModules = Modules.Where(m => m != module).Select(m => m.GetName().Name).ToHashSet();
        module.GetReferencedAssemblies().Select(a => a.Name).Where(otherModules.Contains)
            .ShouldBeEmpty($"{name} must talk to other modules only through their *.Contracts");

        // The same rule at type level: no type of this module uses a type from another module's implementation.
        // Full type names, not namespaces: NetArchTest matches by prefix and "SourceRecords" prefixes "SourceRecords.Contracts".
        var forbiddenTypes = Modules.Where(m => m != module)
            .SelectMany(m => m.GetTypes()).Where(t => !t.IsNested && t.FullName is not null && !IsCompilerGenerated(t)).Select(t => t.FullName!).ToArray();
        var result = Types.InAssembly(module).ShouldNot().HaveDependencyOnAny(forbiddenTypes).GetResult();
        (result.FailingTypeNames ?? []).ShouldBeEmpty();
    }

    [Fact]
    public void Contracts_depend_on_neither_Marten_nor_Wolverine_nor_any_module()
    {
        foreach (var contracts in Contracts)
        {
            var references = contracts.GetReferencedAssemblies().Select(a => a.Name!).ToList();
            references.ShouldNotContain(r => r.StartsWith("Marten") || r.StartsWith("Wolverine") || r.StartsWith("JasperFx")
                || r == "BuildingBlocks" || Modules.Any(m => m.GetName().Name == r), contracts.GetName().Name);
            var result = Types.InAssembly(contracts).ShouldNot().HaveDependencyOnAny("Marten", "Wolverine", "JasperFx").GetResult();
            (result.FailingTypeNames ?? []).ShouldBeEmpty();
        }
    }

    [Fact]
    public void Contracts_are_public_sealed_records()
    {
        foreach (var type in Contracts.SelectMany(a => a.GetTypes()).Where(t => !t.IsNested && t.Namespace is not null && !IsCompilerGenerated(t)))
        {
            type.IsPublic.ShouldBeTrue(type.FullName);
            IsRecord(type).ShouldBeTrue($"{type.FullName} must be a record");
            type.IsSealed.ShouldBeTrue(type.FullName);
        }
    }

    [Theory]
    [MemberData(nameof(ModuleNames))]
    public void Stream_events_are_records(string name)
    {
        var events = Module(name).GetTypes().Where(t => typeof(IAuditedEvent).IsAssignableFrom(t) && t.IsClass).ToList();
        foreach (var e in events) IsRecord(e).ShouldBeTrue($"{e.FullName} must be a record");
    }

    [Theory]
    [MemberData(nameof(ModuleNames))]
    public void Endpoints_are_sealed_and_internal(string name)
    {
        var endpoints = Module(name).GetTypes().Where(t => typeof(BaseEndpoint).IsAssignableFrom(t) && !t.IsAbstract).ToList();
        foreach (var endpoint in endpoints)
        {
            endpoint.IsSealed.ShouldBeTrue($"{endpoint.FullName} must be sealed");
            endpoint.IsPublic.ShouldBeFalse($"{endpoint.FullName} must be internal");
        }
    }

    [Theory]
    [MemberData(nameof(ModuleNames))]
    public void A_module_has_exactly_one_registration_entry_point(string name) =>
        Module(name).GetTypes().Count(t => typeof(IModule).IsAssignableFrom(t) && !t.IsAbstract).ShouldBe(1);

    [Theory]
    [MemberData(nameof(ModuleNames))]
    public void Message_handlers_follow_Wolverines_naming_convention_or_they_are_silently_never_called(string name)
    {
        var handlerLike = Module(name).GetTypes()
            .Where(t => t is { IsClass: true, IsPublic: true } && t.GetMethods().Any(m => m.DeclaringType == t && m.Name is "Handle" or "HandleAsync"));
        foreach (var type in handlerLike)
            (type.Name.EndsWith("Handler", StringComparison.Ordinal) || type.Name.EndsWith("Consumer", StringComparison.Ordinal))
                .ShouldBeTrue($"{type.FullName} has Handle methods but Wolverine only discovers classes named *Handler or *Consumer");
    }

    private static bool IsRecord(Type type) => type.GetMethod("<Clone>$") is not null;

    private static bool IsCompilerGenerated(Type type) =>
        type.GetCustomAttribute<System.Runtime.CompilerServices.CompilerGeneratedAttribute>() is not null || type.Name.StartsWith('<');
}
