namespace SourceRecords.Contracts;

// Request/reply messages SourceRecords answers for other modules (bus.InvokeAsync<TReply>), invoked from
// endpoints, never from another module's handler.

/// <summary>
/// Apply a student's verified values to the school record (复制学生核验信息到学校库): exactly the values that
/// differ are written, as one event; when the call returns the school record holds them.
/// </summary>
public sealed record ApplyVerifiedValues(string StudentNumber, IReadOnlyDictionary<string, string?> Values);

/// <summary>The reply to <see cref="ApplyVerifiedValues"/>: which fields changed (from → to) and the record's new version.</summary>
public sealed record VerifiedValuesApplied(string StudentNumber, long RecordVersion, IReadOnlyList<AppliedValue> Applied);

public sealed record AppliedValue(string Field, string? From, string? To);

/// <summary>
/// Check proposed values against the field catalogue. <paramref name="Role"/> decides which fields may be
/// edited (a student may only touch S fields); <paramref name="RequireComplete"/> also reports every
/// required field that is missing (for submit). <paramref name="Current"/> are the values the proposal sits on
/// (for cross-field rules such as the sponsor fields, which depend on trainingMode).
/// </summary>
public sealed record CheckFieldValues(
    string Role,
    IReadOnlyDictionary<string, string?> Values,
    IReadOnlyDictionary<string, string?> Current,
    bool RequireComplete);

/// <summary>The reply to <see cref="CheckFieldValues"/>. LockedFields: fields the role may not edit (403 field.locked); Errors: field → Chinese messages (400).</summary>
public sealed record FieldValuesChecked(IReadOnlyList<string> LockedFields, IReadOnlyDictionary<string, string[]> Errors);

/// <summary>Ask for the field catalogue (labels, types, code tables, who may edit).</summary>
public sealed record GetFieldCatalogue;

public sealed record FieldCatalogueReply(IReadOnlyList<FieldDescription> Fields);

/// <summary>One field of the catalogue. EditableBy holds roles: "student", "college", "school".</summary>
public sealed record FieldDescription(string Field, string Label, string Type, string? CodeTable, bool Required, IReadOnlyList<string> EditableBy);
