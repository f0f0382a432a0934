namespace RoezanGhl.Engine.Console;

/// <summary>Who may open the console (<c>Console:Access</c>).</summary>
public enum ConsoleAccessMode
{
    /// <summary>Nobody: every console route answers 404. What the template sets when no Entra app registration is given.</summary>
    Disabled,

    /// <summary>Local runs: the console key (secret <c>console-key</c>) is exchanged once for a signed session cookie.</summary>
    Key,

    /// <summary>Azure: App Service built-in authentication with Microsoft Entra ID signs people in; the console requires its principal headers.</summary>
    EntraId,
}
