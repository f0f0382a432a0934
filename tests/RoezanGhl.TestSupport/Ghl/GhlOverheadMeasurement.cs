using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using RoezanGhl.Ghl;

namespace RoezanGhl.TestSupport.Ghl;

/// <summary>
/// Measures what the client costs per call over a bare <see cref="HttpClient"/> sending the same
/// GET with the same headers to the same simulator (limits off), alternating the two so that both
/// see the same machine load.
/// </summary>
public static class GhlOverheadMeasurement
{
    public static async Task<GhlOverheadReport> RunAsync(GhlSimulatorHost simulator, GhlContactsClient client, string locationId, string token, int calls, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(simulator);
        ArgumentNullException.ThrowIfNull(client);
        simulator.Settings = simulator.Settings with { RateLimitMax = 0, DailyLimit = 0, RecordInMemory = false, LatencyMs = 0, ServerErrorRatio = 0 };
        var contactId = simulator.State.SeedContact(locationId, new JsonObject { ["firstName"] = "Overhead" })["id"]!.GetValue<string>();
        using var bare = new HttpClient();
        var uri = new Uri(simulator.BaseUrl, $"/contacts/{contactId}");

        async Task BareCallAsync()
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, uri);
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            request.Headers.TryAddWithoutValidation("Version", "2021-07-28");
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
            using var response = await bare.SendAsync(request, cancellationToken).ConfigureAwait(false);
            response.EnsureSuccessStatusCode();
            _ = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        }

        for (var i = 0; i < 50; i++)
        {
            await client.GetContactAsync(locationId, contactId, cancellationToken).ConfigureAwait(false);
            await BareCallAsync().ConfigureAwait(false);
        }

        var clientTimes = new double[calls];
        var bareTimes = new double[calls];
        for (var i = 0; i < calls; i++)
        {
            var start = Stopwatch.GetTimestamp();
            await client.GetContactAsync(locationId, contactId, cancellationToken).ConfigureAwait(false);
            clientTimes[i] = Stopwatch.GetElapsedTime(start).TotalMicroseconds;
            start = Stopwatch.GetTimestamp();
            await BareCallAsync().ConfigureAwait(false);
            bareTimes[i] = Stopwatch.GetElapsedTime(start).TotalMicroseconds;
        }

        return new GhlOverheadReport(calls, clientTimes.Average(), bareTimes.Average(), Median(clientTimes), Median(bareTimes));
    }

    private static double Median(double[] values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }
}
