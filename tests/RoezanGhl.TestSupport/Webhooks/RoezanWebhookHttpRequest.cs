using Microsoft.AspNetCore.Http;
using RoezanGhl.Core.Events;

namespace RoezanGhl.TestSupport.Webhooks;

/// <summary>The HTTP request Roezan sends, for calling the webhook function class directly: JSON, with Content-Length, signed.</summary>
public static class RoezanWebhookHttpRequest
{
    public static HttpRequest Create(byte[] body, string secret, DateTimeOffset signedAt)
    {
        ArgumentNullException.ThrowIfNull(body);
        var context = new DefaultHttpContext();
        context.Request.Method = "POST";
        context.Request.ContentType = "application/json";
        context.Request.ContentLength = body.Length;
        context.Request.Body = new MemoryStream(body);
        context.Request.Headers[RoezanSignatureVerifier.HeaderName] = RoezanSignatureVerifier.CreateHeader(secret, signedAt.ToUnixTimeSeconds(), body);
        return context.Request;
    }
}
