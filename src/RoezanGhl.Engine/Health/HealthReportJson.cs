using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace RoezanGhl.Engine.Health;

/// <summary>
/// The body of <c>GET /api/health</c>: <c>{"status":"healthy","checks":{"queues":{"status":…,"description":…},…}}</c>.
/// Every check registered with <c>AddHealthChecks()</c> appears under its name, with its <c>data</c> values
/// (strings, numbers, booleans) when it sets any; exceptions are never written.
/// </summary>
public static class HealthReportJson
{
    /// <summary>200 while nothing is unhealthy (degraded still serves), 503 otherwise.</summary>
    public static int StatusCode(HealthReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return report.Status == HealthStatus.Unhealthy ? 503 : 200;
    }

    public static string Write(HealthReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var buffer = new ArrayBufferWriter<byte>(512);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("status", Name(report.Status));
            writer.WriteStartObject("checks");
            foreach (var (name, entry) in report.Entries)
            {
                writer.WriteStartObject(name);
                writer.WriteString("status", Name(entry.Status));
                if (entry.Description is not null)
                {
                    writer.WriteString("description", entry.Description);
                }

                if (entry.Data.Count > 0)
                {
                    writer.WriteStartObject("data");
                    foreach (var (key, value) in entry.Data)
                    {
                        WriteValue(writer, key, value);
                    }

                    writer.WriteEndObject();
                }

                writer.WriteEndObject();
            }

            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static void WriteValue(Utf8JsonWriter writer, string key, object? value)
    {
        switch (value)
        {
            case null:
                writer.WriteNull(key);
                break;
            case bool flag:
                writer.WriteBoolean(key, flag);
                break;
            case int or long or double or decimal or float:
                writer.WriteNumber(key, Convert.ToDecimal(value, CultureInfo.InvariantCulture));
                break;
            case DateTimeOffset at:
                writer.WriteString(key, at);
                break;
            default:
                writer.WriteString(key, Convert.ToString(value, CultureInfo.InvariantCulture));
                break;
        }
    }

    private static string Name(HealthStatus status) => status switch
    {
        HealthStatus.Healthy => "healthy",
        HealthStatus.Degraded => "degraded",
        _ => "unhealthy",
    };
}
