namespace RoezanGhl.Functions.Console;

/// <summary>What kind of console request is being let in: a page, a read, or a call that changes state (which needs the CSRF token).</summary>
public enum ConsoleCall
{
    Page,
    Read,
    Change,
}
