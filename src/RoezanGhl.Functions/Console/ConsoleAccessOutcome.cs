namespace RoezanGhl.Functions.Console;

public enum ConsoleAccessOutcome
{
    Allowed,

    /// <summary>Key access without a valid session: pages redirect to the sign-in page, APIs answer 401.</summary>
    SignIn,

    /// <summary>The console is disabled (or Entra ID sign-in is configured but no principal came with the request): 404.</summary>
    NotFound,
}
