namespace RoezanGhl.Core.FollowUps;

/// <summary>A range of a message: from <see cref="Start"/> up to, not including, <see cref="End"/>.</summary>
internal readonly record struct TextSpan(int Start, int End)
{
    public bool Contains(int position) => position >= Start && position < End;
}
