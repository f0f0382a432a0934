using System.Net;
using Azure;

namespace RoezanGhl.Storage;

/// <summary>Which storage answers will come again if the same request is sent again, and how to say so without personal data.</summary>
public static class StorageFailures
{
    /// <summary>
    /// True for a 4xx that is not one the code expects and handles (404 not found, 409 conflict, 412 precondition
    /// failed) nor one that passes (408 timeout, 429 throttled): the request itself is refused (too large, invalid
    /// value, forbidden), so retrying it can only fail the same way.
    /// </summary>
    public static bool IsPermanent(RequestFailedException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return exception.Status is >= 400 and < 500
            and not ((int)HttpStatusCode.NotFound or (int)HttpStatusCode.Conflict or (int)HttpStatusCode.PreconditionFailed
                or (int)HttpStatusCode.RequestTimeout or (int)HttpStatusCode.TooManyRequests);
    }

    /// <summary>The status and storage error code only: the message may quote the request, which can hold personal data.</summary>
    public static string Describe(RequestFailedException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return $"storage refused the request for good ({exception.Status} {exception.ErrorCode ?? "no error code"})";
    }
}
