using System.Buffers;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace RoezanGhl.Engine.Health;

/// <summary>
/// The body of <c>GET /api/health</c>: <c>{"status":"up","checks":{"queues":"up","tables":"down"}}</c>. The
/// endpoint is anonymous, so it says up or down per check and nothing more: no descriptions, data or
/// exceptions, which can name accounts, locations, error codes or connection details.
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
        var buffer = new ArrayBufferWriter<byte>(128);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("status", UpOrDown(report.Status));
            writer.WriteStartObject("checks");
            foreach (var (name, entry) in report.Entries)
            {
                writer.WriteString(name, UpOrDown(entry.Status));
            }

            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static string UpOrDown(HealthStatus status) => status == HealthStatus.Unhealthy ? "down" : "up";
}
