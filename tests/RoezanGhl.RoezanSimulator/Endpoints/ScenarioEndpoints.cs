using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using RoezanGhl.RoezanSimulator.Operations;
using RoezanGhl.RoezanSimulator.State;

namespace RoezanGhl.RoezanSimulator.Endpoints;

/// <summary>
/// SIMULATOR ADMIN, not Roezan's API: <see cref="RoezanSimulatorAdmin"/> over HTTP under
/// <c>/_sim/accounts/{accountId}</c> — seed contacts, an SMS from a person, STOP/START, an edit in
/// Roezan's app, a delivery report.
/// </summary>
internal static class ScenarioEndpoints
{
    public static void Map(IEndpointRouteBuilder app, RoezanSimulatorState state, RoezanSimulatorAdmin admin)
    {
        var account = app.MapGroup("/_sim/accounts/{accountId}");
        account.MapGet("/contacts", (string accountId) => AdminJson.Ok(state.ContactsOf(accountId)));
        account.MapGet("/messages", (string accountId) => AdminJson.Ok(state.MessagesOf(accountId)));

        // {phone, firstName, lastName, email, tags, lists, optedIn, optedOutAt, invalid, deleted}
        account.MapPost("/contacts", (string accountId, JsonObject body) => WithFields(state, body, phoneRequired: true, fields =>
            AdminJson.Ok(admin.SeedContact(accountId, fields), StatusCodes.Status201Created)));
        account.MapPatch("/contacts/{contactId}", (string accountId, string contactId, JsonObject body) => WithFields(state, body, phoneRequired: false, fields =>
            AdminJson.Ok(admin.EditContact(accountId, contactId, fields))));

        // {from, text, fromName?}
        account.MapPost("/inbound", (string accountId, JsonObject body) => AdminJson.Run(() =>
            AdminJson.Ok(admin.ReceiveSms(accountId, Text(body, "from"), Text(body, "text"), OptionalText(body, "fromName")), StatusCodes.Status201Created)));

        // {phone}
        account.MapPost("/opt-out", (string accountId, JsonObject body) => AdminJson.Run(() => AdminJson.Ok(admin.OptOut(accountId, Text(body, "phone")))));
        account.MapPost("/opt-in", (string accountId, JsonObject body) => AdminJson.Run(() => AdminJson.Ok(admin.OptIn(accountId, Text(body, "phone")))));

        // {status: "Sent" | "Delivered" | "Pending" | "Undelivered"}
        account.MapPost("/messages/{messageId}/status", (string accountId, string messageId, JsonObject body) => AdminJson.Run(() =>
            Enum.TryParse<MessageStatus>(Text(body, "status"), ignoreCase: true, out var status) && Enum.IsDefined(status)
                ? AdminJson.Ok(admin.SetMessageStatus(accountId, messageId, status))
                : AdminJson.Problem(StatusCodes.Status422UnprocessableEntity, $"status must be one of {string.Join(", ", Enum.GetNames<MessageStatus>())}.")));
    }

    private static IResult WithFields(RoezanSimulatorState state, JsonObject body, bool phoneRequired, Func<ContactFields, IResult> action)
    {
        var reader = new BodyReader(body);
        var fields = ContactFields.Read(reader, state.Settings.DefaultRegion, phoneRequired, adminFields: true);
        return reader.Valid
            ? AdminJson.Run(() => action(fields))
            : Results.Json(RoezanResponses.Invalid(reader.Errors).Body, AdminJson.Options, statusCode: StatusCodes.Status422UnprocessableEntity);
    }

    private static string Text(JsonObject body, string name) =>
        OptionalText(body, name) ?? throw new ArgumentException($"{name} is required (a string).");

    private static string? OptionalText(JsonObject body, string name) =>
        body[name] is JsonValue value && value.GetValueKind() == System.Text.Json.JsonValueKind.String ? value.GetValue<string>() : null;
}
