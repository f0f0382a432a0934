using System.CommandLine;
using System.Net.Http.Headers;
using RoezanGhl.Cli.Output;
using RoezanGhl.Core.Events;
using RoezanGhl.Credentials.Secrets;
using Spectre.Console;

namespace RoezanGhl.Cli.Commands;

/// <summary>
/// <c>send &lt;event.json&gt; [--account &lt;id&gt;] [--url] [--function-key]</c>: signs the file's bytes, as they are,
/// with the account's webhook secret (the first one when several are set) the way Roezan signs, POSTs them to
/// <c>{url}/api/roezan/{account}/events</c> of a running app, and prints the answer's status and body. Exit 0
/// for a 2xx answer, 1 otherwise.
/// </summary>
internal static class SendCommand
{
    public const string DefaultUrl = "http://localhost:7071";

    public static Command Create(CliContext context, GlobalOptions global)
    {
        var file = new Argument<FileInfo>("event.json") { Description = "The event to send: one JSON object in the webhook contract." };
        var account = AccountOption.Create("The Roezan account id (the one in the webhook URL).");
        var url = new Option<string>("--url") { Description = $"The app's base URL (default {DefaultUrl}, what func start serves).", DefaultValueFactory = _ => DefaultUrl };
        var key = new Option<string?>("--function-key") { Description = "The function key a deployed app asks for (x-functions-key); default: the ROEZANGHL_FUNCTION_KEY setting." };
        var command = new Command("send", "Sign an event with the account's webhook secret and POST it to a running app; print the answer.") { file, account, url, key };
        CommandActions.Set(command, context, global, (invocation, cancellationToken) =>
            RunAsync(invocation, invocation.Value(file), invocation.Value(account), invocation.Value(url), invocation.Value(key), cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(CommandInvocation invocation, FileInfo file, string? accountId, string baseUrl, string? functionKey, CancellationToken cancellationToken)
    {
        if (!file.Exists)
        {
            throw new CliException($"the event file '{file.FullName}' does not exist", CommandActions.Usage);
        }

        if (!Uri.TryCreate(baseUrl, UriKind.Absolute, out var root) || root.Scheme is not ("http" or "https"))
        {
            throw new CliException($"--url '{baseUrl}' is not an http(s) URL", CommandActions.Usage);
        }

        var body = await File.ReadAllBytesAsync(file.FullName, cancellationToken).ConfigureAwait(false);
        var services = invocation.Services;
        var (configured, _) = AccountOption.Resolve(invocation, accountId);
        var secretName = SecretNames.RoezanWebhookSecret(configured);
        var secrets = WebhookSecretSet.Parse(await services.Get<ISecretStore>().GetSecretAsync(secretName, bypassCache: true, cancellationToken).ConfigureAwait(false));
        if (secrets.IsEmpty)
        {
            throw new CliException($"the webhook secret '{secretName}' of account '{configured}' is not set");
        }

        var now = services.Get<TimeProvider>().GetUtcNow();
        var target = new Uri(root, $"{root.AbsolutePath.TrimEnd('/')}/api/roezan/{Uri.EscapeDataString(configured)}/events");
        using var request = new HttpRequestMessage(HttpMethod.Post, target) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        request.Headers.TryAddWithoutValidation(RoezanSignatureVerifier.HeaderName, RoezanSignatureVerifier.CreateHeader(secrets.Secrets[0], now.ToUnixTimeSeconds(), body));
        functionKey ??= services.Configuration["ROEZANGHL_FUNCTION_KEY"];
        if (!string.IsNullOrWhiteSpace(functionKey))
        {
            request.Headers.TryAddWithoutValidation("x-functions-key", functionKey);
        }

        using var http = invocation.Context.HttpHandler is { } handler ? new HttpClient(handler(), disposeHandler: true) : new HttpClient();
        http.Timeout = TimeSpan.FromSeconds(60);
        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException exception)
        {
            throw new CliException($"could not reach {target}: {exception.Message} (is the app running? func start serves {DefaultUrl})");
        }

        using (response)
        {
            var answer = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            invocation.Console.MarkupLine($"POST {CliConsole.Cell(target.ToString())}");
            invocation.Console.MarkupLine($"{(response.IsSuccessStatusCode ? "[green]" : "[red]")}{(int)response.StatusCode} {CliConsole.Cell(response.ReasonPhrase)}[/]");
            await invocation.Out.WriteLineAsync(answer).ConfigureAwait(false);
            return response.IsSuccessStatusCode ? 0 : CommandActions.Failed;
        }
    }
}
