using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using RoezanGhl.GhlSimulator.Hosting;
using RoezanGhl.GhlSimulator.State;

namespace RoezanGhl.GhlSimulator.Endpoints;

/// <summary>Tasks, notes and appointments of a contact.</summary>
internal static class ContactChildEndpoints
{
    public static void Map(IEndpointRouteBuilder app, SimulatorState state)
    {
        app.MapGet("/contacts/{contactId}/tasks", (HttpContext c, string contactId) => HttpExchange.WriteAsync(c, state.ListChildren(HttpExchange.TokenLocation(c), contactId, ChildKind.Task)));
        app.MapPost("/contacts/{contactId}/tasks", (HttpContext c, string contactId) => HttpExchange.WithBodyAsync(c, body => state.CreateTask(HttpExchange.TokenLocation(c), contactId, body)));
        app.MapGet("/contacts/{contactId}/tasks/{taskId}", (HttpContext c, string contactId, string taskId) => HttpExchange.WriteAsync(c, state.GetChild(HttpExchange.TokenLocation(c), contactId, taskId, ChildKind.Task)));
        app.MapPut("/contacts/{contactId}/tasks/{taskId}", (HttpContext c, string contactId, string taskId) => HttpExchange.WithBodyAsync(c, body => state.UpdateTask(HttpExchange.TokenLocation(c), contactId, taskId, body, onlyCompleted: false)));
        app.MapPut("/contacts/{contactId}/tasks/{taskId}/completed", (HttpContext c, string contactId, string taskId) => HttpExchange.WithBodyAsync(c, body => state.UpdateTask(HttpExchange.TokenLocation(c), contactId, taskId, body, onlyCompleted: true)));
        app.MapDelete("/contacts/{contactId}/tasks/{taskId}", (HttpContext c, string contactId, string taskId) => HttpExchange.WriteAsync(c, state.DeleteTask(HttpExchange.TokenLocation(c), contactId, taskId)));
        app.MapGet("/contacts/{contactId}/notes", (HttpContext c, string contactId) => HttpExchange.WriteAsync(c, state.ListChildren(HttpExchange.TokenLocation(c), contactId, ChildKind.Note)));
        app.MapPost("/contacts/{contactId}/notes", (HttpContext c, string contactId) => HttpExchange.WithBodyAsync(c, body => state.CreateNote(HttpExchange.TokenLocation(c), contactId, body)));
        app.MapGet("/contacts/{contactId}/notes/{id}", (HttpContext c, string contactId, string id) => HttpExchange.WriteAsync(c, state.GetChild(HttpExchange.TokenLocation(c), contactId, id, ChildKind.Note)));
        app.MapGet("/contacts/{contactId}/appointments", (HttpContext c, string contactId) => HttpExchange.WriteAsync(c, state.ListChildren(HttpExchange.TokenLocation(c), contactId, ChildKind.Appointment)));
    }
}
