using RoezanGhl.Ghl.Errors;

namespace RoezanGhl.Ghl.Tests.Errors;

public sealed class GhlUnauthorizedTests
{
    [Theory]
    [InlineData("The token is not authorized for this scope.", GhlUnauthorizedReason.MissingScope)]
    [InlineData("This authClass type is not allowed to access this scope. Please verify your IAM configuration if this is not the case.", GhlUnauthorizedReason.MissingScope)]
    [InlineData("Invalid JWT", GhlUnauthorizedReason.InvalidToken)]
    [InlineData("Invalid token: access token is invalid", GhlUnauthorizedReason.InvalidToken)]
    [InlineData("Unauthorized", GhlUnauthorizedReason.InvalidToken)]
    public void A_401_is_a_missing_scope_only_when_ghl_names_the_scope(string message, GhlUnauthorizedReason expected) =>
        Assert.Equal(expected, GhlUnauthorized.Classify([message]));
}
