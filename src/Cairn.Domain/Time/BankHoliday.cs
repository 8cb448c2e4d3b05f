namespace Cairn.Domain.Time;

/// <summary>A bank holiday: the day it is observed on, and its published name.</summary>
public sealed record BankHoliday(DateOnly Date, string Name);
