using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using RoezanGhl.Engine.Console;
using RoezanGhl.Functions.Console;
using RoezanGhl.Storage.Configurations;

namespace RoezanGhl.Functions.Functions;

/// <summary>
/// The Presets and SMS templates screen and its calls: the page (rendered on the server), the live preview of one
/// automation's text for the sample contact, and the save as a new configuration version (<c>If-Match</c> names the
/// version edited; the start validators' problems come back by row and field). The work is
/// <see cref="AutomationTemplates"/>'s; an account that is not configured answers 404.
/// </summary>
public sealed class ConsoleTemplatesFunction(ConsoleGate gate, AutomationTemplates templates, MappingModels accounts)
{
    [Function("ConsoleTemplates")]
    public Task<IActionResult> PageAsync([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "console/templates")] HttpRequest request, CancellationToken cancellationToken) =>
        gate.RunAsync(request, ConsoleCall.Page, async _ =>
        {
            var ids = accounts.AccountIds;
            if (ids.Count == 0)
            {
                return ConsoleHtml.Page(request.HttpContext, TemplatesPage.Screen, TemplatesPage.Title, "<p>No account is configured.</p>");
            }

            var requested = request.Query["account"].ToString();
            var id = ids.FirstOrDefault(known => string.Equals(known, requested, StringComparison.OrdinalIgnoreCase)) ?? ids[0];
            var view = await templates.GetAsync(id, cancellationToken).ConfigureAwait(false);
            var saved = int.TryParse(request.Query["saved"].ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out var version) ? version : (int?)null;
            return ConsoleHtml.Page(request.HttpContext, TemplatesPage.Screen, TemplatesPage.Title, TemplatesPage.Render(ids, view, saved), "assets/console-templates.js");
        }, cancellationToken);

    [Function("ConsoleTemplatePreview")]
    public Task<IActionResult> PreviewAsync([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "console/api/accounts/{accountId}/templates/preview")] HttpRequest request, string accountId, CancellationToken cancellationToken) =>
        gate.RunAsync(request, ConsoleCall.Change, async _ =>
        {
            var response = request.HttpContext.Response;
            using var body = await JsonDocument.ParseAsync(request.Body, default, cancellationToken).ConfigureAwait(false);
            var root = body.RootElement;
            if (!root.TryGetProperty("row", out var row) || !row.TryGetInt32(out var index) || !root.TryGetProperty("edit", out var edited))
            {
                return ConsoleJson.Error(response, StatusCodes.Status400BadRequest, "Send {\"edit\": {…}, \"row\": n}.");
            }

            if (!AccountConfigurationJson.TryReadEdit(BinaryData.FromString(edited.GetRawText()), out var edit, out var unreadable))
            {
                return ConsoleJson.Answer(response, new { problems = new[] { unreadable } }, StatusCodes.Status422UnprocessableEntity);
            }

            return await KnownAccountAsync(response, async () =>
            {
                var preview = await templates.PreviewAsync(accountId, edit, index, cancellationToken).ConfigureAwait(false);
                return ConsoleJson.Answer(response, preview, preview.Problems.Count > 0 ? StatusCodes.Status422UnprocessableEntity : StatusCodes.Status200OK);
            }).ConfigureAwait(false);
        }, cancellationToken);

    [Function("ConsoleTemplatesSave")]
    public Task<IActionResult> SaveAsync([HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "console/api/accounts/{accountId}/templates")] HttpRequest request, string accountId, CancellationToken cancellationToken) =>
        gate.RunAsync(request, ConsoleCall.Change, async actor =>
        {
            var response = request.HttpContext.Response;
            if (!VersionTag.TryParse(request.Headers.IfMatch.ToString(), out var basedOn))
            {
                return ConsoleJson.Error(response, StatusCodes.Status428PreconditionRequired, "Say which version you edited (If-Match: \"v{n}\").");
            }

            var content = await BinaryData.FromStreamAsync(request.Body, cancellationToken).ConfigureAwait(false);
            if (!AccountConfigurationJson.TryReadEdit(content, out var edit, out var unreadable))
            {
                return ConsoleJson.Answer(response, new { problems = new[] { unreadable } }, StatusCodes.Status422UnprocessableEntity);
            }

            return await KnownAccountAsync(response, async () =>
            {
                try
                {
                    var result = await templates.SaveAsync(accountId, basedOn, edit, actor, cancellationToken).ConfigureAwait(false);
                    if (result.Saved is not { } saved)
                    {
                        return ConsoleJson.Answer(response, new { problems = result.Problems }, StatusCodes.Status422UnprocessableEntity);
                    }

                    response.Headers.ETag = saved.ETag;
                    return ConsoleJson.Answer(response, new { version = saved.Version, eTag = saved.ETag, source = saved.Source });
                }
                catch (ConfigurationVersionConflictException conflict)
                {
                    return ConsoleJson.Answer(response, new { error = conflict.Message, latestVersion = conflict.LatestVersion }, StatusCodes.Status412PreconditionFailed);
                }
            }).ConfigureAwait(false);
        }, cancellationToken);

    private static async Task<IActionResult> KnownAccountAsync(HttpResponse response, Func<Task<IActionResult>> work)
    {
        try
        {
            return await work().ConfigureAwait(false);
        }
        catch (UnknownAccountException unknown)
        {
            return ConsoleJson.Error(response, StatusCodes.Status404NotFound, unknown.Message);
        }
    }
}
