using RoezanGhl.Credentials.Secrets;

namespace RoezanGhl.Credentials.Tests.Secrets;

public sealed class WebhookSecretSetTests
{
    [Theory]
    [InlineData("test-secret-1", new[] { "test-secret-1" })]
    [InlineData("test-secret-1,test-secret-2", new[] { "test-secret-1", "test-secret-2" })]
    [InlineData(" test-secret-1 ,\n test-secret-2\ttest-secret-3 ", new[] { "test-secret-1", "test-secret-2", "test-secret-3" })]
    [InlineData("test-secret-1, test-secret-1", new[] { "test-secret-1" })]
    public void Several_secrets_separated_by_commas_or_whitespace_are_all_kept_in_order(string stored, string[] expected)
    {
        Assert.Equal(expected, WebhookSecretSet.Parse(stored).Secrets);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(" , \n")]
    public void Nothing_stored_gives_an_empty_set(string? stored)
    {
        Assert.True(WebhookSecretSet.Parse(stored).IsEmpty);
    }

    [Fact]
    public void The_text_form_shows_the_count_and_no_secret()
    {
        var text = WebhookSecretSet.Parse("test-secret-1,test-secret-2").ToString();

        Assert.Equal("2 webhook secret(s)", text);
    }
}
