using Azure;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Middleware;
using Microsoft.Extensions.Logging;

namespace RoezanGhl.Functions.Middleware;

/// <summary>
/// An exception escaping an HTTP function becomes an RFC 9457 problem+json answer (503 when storage failed,
/// so that callers retry; 500 otherwise) without internals in the body. Other triggers rethrow, so that the
/// host's retry and poison-queue handling still apply.
/// </summary>
public sealed partial class HttpProblemMiddleware(ILogger<HttpProblemMiddleware> logger) : IFunctionsWorkerMiddleware
{
    public async Task Invoke(FunctionContext context, FunctionExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        try
        {
            await next(context).ConfigureAwait(false);
        }
        catch (Exception ex) when (context.GetHttpContext() is { Response.HasStarted: false } http && !http.RequestAborted.IsCancellationRequested)
        {
            var unavailable = ex is RequestFailedException or TimeoutException;
            var status = unavailable ? StatusCodes.Status503ServiceUnavailable : StatusCodes.Status500InternalServerError;
            LogUnhandled(logger, ex, context.FunctionDefinition.Name, status);
            await WriteProblemAsync(http.Response, status, context.InvocationId).ConfigureAwait(false);
        }
    }

    internal static Task WriteProblemAsync(HttpResponse response, int status, string invocationId)
    {
        response.Clear();
        response.StatusCode = status;
        response.ContentType = "application/problem+json; charset=utf-8";
        if (status == StatusCodes.Status503ServiceUnavailable)
        {
            response.Headers.RetryAfter = "30";
        }

        return response.WriteAsJsonAsync(
            new ProblemBody(
                status == StatusCodes.Status503ServiceUnavailable ? "urn:roezan-ghl:problem:unavailable" : "urn:roezan-ghl:problem:internal",
                status == StatusCodes.Status503ServiceUnavailable ? "Service unavailable" : "Internal error",
                status,
                $"The request could not be completed; quote invocation {invocationId} when reporting it."),
            ProblemJsonContext.Default.ProblemBody,
            "application/problem+json; charset=utf-8");
    }

    [LoggerMessage(EventId = 1901, Level = LogLevel.Error, Message = "Function {FunctionName} failed; answered {StatusCode} problem+json")]
    private static partial void LogUnhandled(ILogger logger, Exception exception, string functionName, int statusCode);
}
