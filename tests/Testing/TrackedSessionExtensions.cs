using System.Text.Json;
using Wolverine.Tracking;

namespace Testing;

public static class TrackedSessionExtensions
{
    /// <summary>
    /// The distinct messages of type <typeparamref name="T"/> a tracked action published, whichever modules they went to:
    /// each module's handler has its own queue, so one published message is sent once per subscribing module.
    /// </summary>
    public static IReadOnlyList<T> Published<T>(this ITrackedSession tracked) =>
        tracked.Sent.MessagesOf<T>().Concat(tracked.NoRoutes.MessagesOf<T>())
            .DistinctBy(m => JsonSerializer.Serialize(m))
            .ToList();
}
