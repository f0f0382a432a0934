using RoezanGhl.GhlSimulator.State;

namespace RoezanGhl.LoadHarness.Tests;

/// <summary>The simulator counts requests by route, ids hidden, so a run can say which calls its events cost.</summary>
public sealed class GhlRouteCountTests
{
    [Theory]
    [InlineData("POST", "/contacts/upsert", "POST /contacts/upsert")]
    [InlineData("POST", "/contacts/ct_123/tags", "POST /contacts/{id}/tags")]
    [InlineData("PUT", "/contacts/ct_123/tasks/tk_9/completed", "PUT /contacts/{id}/tasks/{id}/completed")]
    [InlineData("GET", "/locations/loc-a/customFields", "GET /locations/{id}/customFields")]
    public void A_route_names_the_method_and_path_with_each_id_as_a_placeholder(string method, string path, string route) =>
        Assert.Equal(route, SimulatorCounters.RouteOf(method, path));

    [Fact]
    public void Requests_are_counted_by_route_whatever_the_answer_and_forgotten_on_reset()
    {
        var since = new DateTimeOffset(2026, 12, 5, 0, 0, 0, TimeSpan.Zero);
        var counters = new SimulatorCounters(since);
        counters.Record("loc-a", 201, since, "POST /contacts/{id}/notes");
        counters.Record("loc-a", 429, since, "POST /contacts/{id}/notes");
        counters.Record("loc-b", 200, since, "PUT /contacts/{id}");

        var counted = counters.Snapshot().ByRoute;
        counters.Reset(since);

        Assert.Equal(2, counted["POST /contacts/{id}/notes"]);
        Assert.Equal(1, counted["PUT /contacts/{id}"]);
        Assert.Empty(counters.Snapshot().ByRoute);
    }
}
