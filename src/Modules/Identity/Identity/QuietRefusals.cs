using JasperFx;
using JasperFx.CodeGeneration;
using Microsoft.Extensions.Logging;
using Wolverine.Configuration;
using Wolverine.Runtime.Handlers;

namespace Identity;

/// <summary>
/// The module's own commands are invoked from endpoints, where a refusal (a ProblemException: wrong password, unknown
/// college…) is an answer, not an error: Wolverine logs their failures at Debug. Anything unexpected still reaches the
/// HTTP pipeline, whose problem middleware logs it as an error. Inbound handlers keep Wolverine's Error level.
/// </summary>
internal sealed class QuietRefusals : IHandlerPolicy
{
    public void Apply(IReadOnlyList<HandlerChain> chains, GenerationRules rules, IServiceContainer container)
    {
        foreach (var chain in chains.Where(c => c.MessageType.Assembly == typeof(QuietRefusals).Assembly))
            chain.FailureLogLevel = LogLevel.Debug;
    }
}
