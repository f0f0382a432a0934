namespace RoezanGhl.Credentials.Tests.Tokens;

/// <summary>Hands out clients over one handler, as IHttpClientFactory would over its pooled handler.</summary>
internal sealed class FakeHttpClientFactory(HttpMessageHandler handler) : IHttpClientFactory
{
    public HttpClient CreateClient(string name) => new(handler, disposeHandler: false);
}
