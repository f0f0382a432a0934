using System.Diagnostics.CodeAnalysis;

// Test names read as sentences (house rule), which CA1707 forbids for public members.
[assembly: SuppressMessage("Naming", "CA1707:Identifiers should not contain underscores", Justification = "Test names are sentences.", Scope = "namespaceanddescendants", Target = "~N:RoezanGhl.Sync.Tests.FollowUps")]
[assembly: SuppressMessage("Naming", "CA1707:Identifiers should not contain underscores", Justification = "Test names are sentences.", Scope = "namespaceanddescendants", Target = "~N:RoezanGhl.Sync.Tests.Mapping")]
