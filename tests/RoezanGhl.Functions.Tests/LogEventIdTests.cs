using System.Reflection;
using Microsoft.Extensions.Logging;

namespace RoezanGhl.Functions.Tests;

/// <summary>
/// Operators filter and alert on a log event's id, so one id names one kind of event across the whole app: two
/// [LoggerMessage] methods may share an id only when they log the same event (the same EventName).
/// </summary>
public sealed class LogEventIdTests
{
    [Fact]
    public void Every_log_event_id_in_the_app_names_one_event()
    {
        var events = AppAssemblies()
            .SelectMany(assembly => assembly.GetTypes())
            .SelectMany(type => type.GetMethods(BindingFlags.Static | BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
            .Select(method => (Method: method, Attribute: method.GetCustomAttribute<LoggerMessageAttribute>()))
            .Where(found => found.Attribute is not null)
            .Select(found => (Id: found.Attribute!.EventId, Name: found.Attribute.EventName ?? found.Method.Name, Where: $"{found.Method.DeclaringType!.FullName}.{found.Method.Name}"))
            .ToList();

        var clashes = events
            .GroupBy(e => e.Id)
            .Where(group => group.Select(e => e.Name).Distinct(StringComparer.Ordinal).Count() > 1)
            .Select(group => $"{group.Key}: {string.Join(", ", group.Select(e => e.Where))}")
            .ToList();

        Assert.True(events.Count > 100, $"Found only {events.Count} [LoggerMessage] methods: the scan no longer sees the app's assemblies.");
        Assert.True(clashes.Count == 0, "Log event ids used for different events:\n" + string.Join('\n', clashes));
    }

    // The Functions app and every RoezanGhl assembly it loads.
    private static List<Assembly> AppAssemblies()
    {
        var seen = new Dictionary<string, Assembly>(StringComparer.Ordinal);
        var pending = new Stack<Assembly>([typeof(Functions.HealthFunction).Assembly]);
        while (pending.TryPop(out var assembly))
        {
            if (!seen.TryAdd(assembly.GetName().Name!, assembly))
            {
                continue;
            }

            foreach (var reference in assembly.GetReferencedAssemblies().Where(r => r.Name!.StartsWith("RoezanGhl.", StringComparison.Ordinal)))
            {
                pending.Push(Assembly.Load(reference));
            }
        }

        return [.. seen.Values];
    }
}
