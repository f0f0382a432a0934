using System.Text;
using RoezanGhl.Core.Events;
using Xunit;

namespace RoezanGhl.TestSupport.Webhooks;

/// <summary>Webhook JSON read into a <see cref="RoezanEvent"/> by the webhook door's parser (the test fails when it cannot be read).</summary>
public static class RoezanEventJson
{
    public static RoezanEvent Parse(string json)
    {
        Assert.True(RoezanEventParser.TryParse(Encoding.UTF8.GetBytes(json), out var evt, out var rejection), rejection?.ToJson());
        return evt;
    }
}
