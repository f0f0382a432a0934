using System.Text;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using RoezanGhl.Ghl.Models;
using RoezanGhl.Ghl.Serialization;

namespace RoezanGhl.Benchmarks;

/// <summary>
/// The GHL request bodies the sync sends most, built and written as UTF-8 JSON the way the client puts them on
/// the wire (source-generated <c>GhlJsonContext</c>), and reading the upsert's answer back.
/// </summary>
[MemoryDiagnoser]
public class GhlRequestSerializationBenchmark
{
    private readonly string _locationId = "loc-acme";
    private readonly string _lastName = "Díaz-Ortega";
    private readonly string _noteBody = "SMS from Ana (+12015550123) on 2026-11-24 05:04 (America/New_York):\nIs the invoice ready?\nref: roezan-event/evt_message_1";
    private readonly DateTimeOffset _due = new(2026, 11, 25, 20, 0, 0, TimeSpan.Zero);
    private byte[] _upsertAnswer = [];

    [GlobalSetup]
    public void Setup() => _upsertAnswer = Encoding.UTF8.GetBytes("""
        {"new":false,"traceId":"trace-1","contact":{"id":"ghl-contact-1","locationId":"loc-acme","firstName":"Ana María","lastName":"Díaz-Ortega",
         "email":"ana.diaz@example.com","phone":"+12015550123","tags":["vip","newsletter"],"type":"lead","dateAdded":"2026-11-20T10:00:00.000Z",
         "dateUpdated":"2026-11-24T10:00:00.000Z","customFields":[{"id":"plan","value":"gold"},{"id":"source","value":"landing page: spring sale"}]}}
        """);

    [Benchmark(Baseline = true)]
    public byte[] UpsertContact() => JsonSerializer.SerializeToUtf8Bytes(
        new GhlUpsertContactRequest
        {
            LocationId = _locationId,
            FirstName = "Ana María",
            LastName = _lastName,
            Phone = "+12015550123",
            Email = "ana.diaz@example.com",
            CustomFields = [GhlCustomFieldInput.Text("plan", "gold"), GhlCustomFieldInput.Text("source", "landing page: spring sale")],
        },
        GhlJsonContext.Default.GhlUpsertContactRequest);

    [Benchmark]
    public byte[] UpdateContact() => JsonSerializer.SerializeToUtf8Bytes(
        new GhlUpdateContactRequest { LastName = _lastName, CustomFields = [GhlCustomFieldInput.Text("plan", "gold")] },
        GhlJsonContext.Default.GhlUpdateContactRequest);

    [Benchmark]
    public byte[] CreateNote() => JsonSerializer.SerializeToUtf8Bytes(new GhlCreateNoteRequest { Body = _noteBody }, GhlJsonContext.Default.GhlCreateNoteRequest);

    [Benchmark]
    public byte[] CreateTask() => JsonSerializer.SerializeToUtf8Bytes(
        new GhlCreateTaskRequest { Title = "Call Ana back", Body = "About the invoice\nref: roezan-task/t_1", DueDate = _due, Completed = false },
        GhlJsonContext.Default.GhlCreateTaskRequest);

    [Benchmark]
    public GhlUpsertContactResult? ReadUpsertAnswer() => JsonSerializer.Deserialize(_upsertAnswer, GhlJsonContext.Default.GhlUpsertContactResult);
}
