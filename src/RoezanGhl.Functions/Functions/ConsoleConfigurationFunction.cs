using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using RoezanGhl.Engine.Console;
using RoezanGhl.Engine.Operations;
using RoezanGhl.Functions.Console;
using RoezanGhl.Storage.Configurations;

namespace RoezanGhl.Functions.Functions;

/// <summary>
/// The mapping editor's calls: preview a candidate configuration on a sample event (the planner and request builders
/// the app runs, <see cref="EventPlanPreviewer"/>), save it as a new version (<c>If-Match</c> names the version it was
/// edited from; the start validators' problems come back by field) and restore an earlier version.
/// </summary>
public sealed class ConsoleConfigurationFunction(ConsoleGate gate, AccountConfigurations configurations, EventPlanPreviewer previewer, MappingModels models)
{
    [Function("ConsolePreview")]
    public Task<IActionResult> PreviewAsync([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "console/api/accounts/{accountId}/preview")] HttpRequest request, string accountId, CancellationToken cancellationToken) =>
        gate.RunAsync(request, ConsoleCall.Change, async _ =>
        {
            var response = request.HttpContext.Response;
            using var body = await JsonDocument.ParseAsync(request.Body, default, cancellationToken).ConfigureAwait(false);
            var root = body.RootElement;
            if (!TryCandidate(root.GetProperty("configuration"), out var candidate, out var unreadable))
            {
                return ConsoleJson.Answer(response, new { problems = new[] { unreadable } }, StatusCodes.Status422UnprocessableEntity);
            }

            var problems = configurations.Validate(accountId, candidate);
            if (problems.Count > 0)
            {
                return ConsoleJson.Answer(response, new { problems }, StatusCodes.Status422UnprocessableEntity);
            }

            var sample = System.Text.Encoding.UTF8.GetBytes(root.GetProperty("event").GetString() ?? string.Empty);
            var reveal = root.TryGetProperty("showPersonalData", out var show) && show.ValueKind == JsonValueKind.True;
            try
            {
                var preview = await previewer.PreviewAsync(accountId, sample, new PlanPreviewRequest { ShowPersonalData = reveal, Profile = configurations.ProfileFor(accountId, candidate) }, cancellationToken).ConfigureAwait(false);
                return ConsoleJson.Answer(response, new { disposition = preview.Plan.Disposition.ToString(), reason = preview.Plan.Reason, links = preview.LinksSource, payloads = preview.Payloads, personalDataShown = reveal });
            }
            catch (OperatorInputException exception)
            {
                return ConsoleJson.Error(response, StatusCodes.Status400BadRequest, exception.Message);
            }
        }, cancellationToken);

    [Function("ConsoleSave")]
    public Task<IActionResult> SaveAsync([HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "console/api/accounts/{accountId}/configuration")] HttpRequest request, string accountId, CancellationToken cancellationToken) =>
        gate.RunAsync(request, ConsoleCall.Change, async actor =>
        {
            if (!VersionTag.TryParse(request.Headers.IfMatch.ToString(), out var basedOn))
            {
                return ConsoleJson.Error(request.HttpContext.Response, StatusCodes.Status428PreconditionRequired, "Say which version you edited (If-Match: \"v{n}\").");
            }

            var content = await BinaryData.FromStreamAsync(request.Body, cancellationToken).ConfigureAwait(false);
            if (!AccountConfigurationJson.TryRead(content, out var candidate, out var unreadable))
            {
                return ConsoleJson.Answer(request.HttpContext.Response, new { problems = new[] { unreadable } }, StatusCodes.Status422UnprocessableEntity);
            }

            return await AnswerAsync(request, accountId, () => configurations.SaveAsync(accountId, basedOn, candidate, actor, null, cancellationToken), cancellationToken).ConfigureAwait(false);
        }, cancellationToken);

    [Function("ConsoleRestore")]
    public Task<IActionResult> RestoreAsync([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "console/api/accounts/{accountId}/versions/{version:int}/restore")] HttpRequest request, string accountId, int version, CancellationToken cancellationToken) =>
        gate.RunAsync(request, ConsoleCall.Change, actor =>
            VersionTag.TryParse(request.Headers.IfMatch.ToString(), out var basedOn)
                ? AnswerAsync(request, accountId, () => configurations.RestoreAsync(accountId, version, basedOn, actor, cancellationToken), cancellationToken)
                : Task.FromResult<IActionResult>(ConsoleJson.Error(request.HttpContext.Response, StatusCodes.Status428PreconditionRequired, "Say which version you edited (If-Match: \"v{n}\").")),
            cancellationToken);

    private async Task<IActionResult> AnswerAsync(HttpRequest request, string accountId, Func<Task<ConfigurationSaveResult>> save, CancellationToken cancellationToken)
    {
        var response = request.HttpContext.Response;
        try
        {
            var result = await save().ConfigureAwait(false);
            if (!result.Succeeded)
            {
                return ConsoleJson.Answer(response, new { problems = result.Problems }, StatusCodes.Status422UnprocessableEntity);
            }

            var model = await models.BuildAsync(accountId, cancellationToken).ConfigureAwait(false);
            response.Headers.ETag = model.ETag;
            return ConsoleJson.Answer(response, model);
        }
        catch (ConfigurationVersionConflictException conflict)
        {
            return ConsoleJson.Answer(response, new { error = conflict.Message, latestVersion = conflict.LatestVersion }, StatusCodes.Status412PreconditionFailed);
        }
    }

    private static bool TryCandidate(JsonElement configuration, out AccountConfiguration candidate, out RoezanGhl.Core.Mapping.ConfigurationProblem? problem) =>
        AccountConfigurationJson.TryRead(BinaryData.FromString(configuration.GetRawText()), out candidate!, out problem);
}
