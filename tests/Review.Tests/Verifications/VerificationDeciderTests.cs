using BuildingBlocks.Actors;
using BuildingBlocks.Audit;
using BuildingBlocks.Problems;
using Review.Verifications;

namespace Review.Tests.Verifications;

/// <summary>The whole state table of the verification state machine, without a database.</summary>
public sealed class VerificationDeciderTests
{
    private static readonly DateTimeOffset Now = new(2026, 4, 1, 8, 0, 0, TimeSpan.Zero);
    private static readonly Actor Student = new("2022001", Roles.Student, "101", "2022001");
    private static readonly Actor Counsellor = new("t101", Roles.College, "101", null);
    private static readonly Actor Office = new("zsjyc", Roles.School, null, null);
    private static readonly Dictionary<string, string?> School = new() { ["mobile"] = "13800000000", ["originRegionCode"] = "430102" };

    private static Verification State(VerificationStatus status, Dictionary<string, string?>? proposed = null, IReadOnlyList<string>? copied = null,
        bool archived = false) =>
        Verification.Create(new VerificationOpened("2022001", "2026", "101", "张三", "软件工程", "软件1班")) with
        {
            Status = status,
            Proposed = proposed ?? [],
            CopiedFields = copied ?? [],
            Archived = archived,
        };

    private static DecisionContext Context(Actor actor, DateTimeOffset? now = null, CohortRules? cohort = null) =>
        new(actor, now ?? Now, cohort ?? new CohortRules(Now.AddDays(10), Now.AddDays(20), RequireSchoolReview: true), School);

    private static IReadOnlyList<object> Decide(VerificationStatus status, object command, Actor actor,
        Dictionary<string, string?>? proposed = null, IReadOnlyList<string>? copied = null, DateTimeOffset? now = null) =>
        VerificationDecider.Decide(State(status, proposed, copied), command, Context(actor, now));

    private static void Refused(Action decide, string code) => Should.Throw<ProblemException>(decide).Code.ShouldBe(code);

    public static TheoryData<VerificationStatus> AllStatuses => new(Enum.GetValues<VerificationStatus>());

    [Theory]
    [MemberData(nameof(AllStatuses))]
    public void Start_only_from_NotStarted(VerificationStatus status)
    {
        if (status == VerificationStatus.NotStarted)
            Decide(status, new StartVerification("2022001"), Student).ShouldHaveSingleItem().ShouldBeOfType<VerificationStarted>();
        else
            Refused(() => Decide(status, new StartVerification("2022001"), Student), VerificationCodes.InvalidState);
    }

    [Theory]
    [MemberData(nameof(AllStatuses))]
    public void Submit_only_from_InProgress_with_the_whole_proposal_and_its_differences(VerificationStatus status)
    {
        var proposed = new Dictionary<string, string?> { ["mobile"] = "13900000000", ["originRegionCode"] = "430102" };
        if (status == VerificationStatus.InProgress)
        {
            var submitted = Decide(status, new SubmitVerification("2022001"), Student, proposed).ShouldHaveSingleItem()
                .ShouldBeOfType<VerificationSubmitted>();
            submitted.ChangedFields.ShouldBe(["mobile"]);
            submitted.Proposal["mobile"].ShouldBe("13900000000");
            submitted.Proposal["originRegionCode"].ShouldBe("430102");
        }
        else
            Refused(() => Decide(status, new SubmitVerification("2022001"), Student, proposed), VerificationCodes.InvalidState);
    }

    [Theory]
    [MemberData(nameof(AllStatuses))]
    public void Withdraw_only_while_Submitted_or_rejected(VerificationStatus status)
    {
        var allowed = status is VerificationStatus.Submitted or VerificationStatus.CollegeRejected or VerificationStatus.SchoolRejected;
        if (allowed)
            Decide(status, new WithdrawSubmission("2022001"), Student).ShouldHaveSingleItem()
                .ShouldBeOfType<SubmissionWithdrawn>().Implicit.ShouldBeFalse();
        else
            Refused(() => Decide(status, new WithdrawSubmission("2022001"), Student), VerificationCodes.InvalidState);
    }

    [Theory]
    [MemberData(nameof(AllStatuses))]
    public void Saving_a_draft_starts_implicitly_withdraws_after_rejection_and_is_refused_while_under_review(VerificationStatus status)
    {
        var draft = new SaveDraft("2022001", new Dictionary<string, string?> { ["mobile"] = "13700000000" });
        switch (status)
        {
            case VerificationStatus.NotStarted:
                Decide(status, draft, Student).Select(e => e.GetType()).ShouldBe([typeof(VerificationStarted), typeof(DraftSaved)]);
                break;
            case VerificationStatus.InProgress:
                Decide(status, draft, Student).ShouldHaveSingleItem().ShouldBeOfType<DraftSaved>()
                    .Changes.ShouldBe([new FieldChange("mobile", "13800000000", "13700000000")]);
                break;
            case VerificationStatus.CollegeRejected or VerificationStatus.SchoolRejected:
                var events = Decide(status, draft, Student);
                events[0].ShouldBeOfType<SubmissionWithdrawn>().Implicit.ShouldBeTrue();
                events[1].ShouldBeOfType<DraftSaved>();
                break;
            default:
                Refused(() => Decide(status, draft, Student), VerificationCodes.InvalidState);
                break;
        }
    }

    [Fact]
    public void A_draft_records_only_values_that_change()
    {
        var draft = new SaveDraft("2022001", new Dictionary<string, string?> { ["mobile"] = "13800000000", ["email"] = " " });
        Decide(VerificationStatus.InProgress, draft, Student).ShouldBeEmpty();
    }

    [Theory]
    [MemberData(nameof(AllStatuses))]
    public void College_review_only_while_Submitted(VerificationStatus status)
    {
        var approve = new CollegeReview("2022001", 3, "approve", null);
        if (status == VerificationStatus.Submitted)
            Decide(status, approve, Counsellor).ShouldHaveSingleItem().ShouldBeOfType<CollegeApproved>();
        else
            Refused(() => Decide(status, approve, Counsellor), VerificationCodes.InvalidState);
    }

    [Theory]
    [MemberData(nameof(AllStatuses))]
    public void School_review_only_after_the_college_approved(VerificationStatus status)
    {
        var approve = new SchoolReview("2022001", 3, "approve", null);
        if (status == VerificationStatus.CollegeApproved)
            Decide(status, approve, Office).ShouldHaveSingleItem().ShouldBeOfType<SchoolApproved>();
        else
            Refused(() => Decide(status, approve, Office), VerificationCodes.InvalidState);
    }

    [Fact]
    public void Without_school_review_the_college_approval_completes_the_verification()
    {
        var noSchoolReview = new CohortRules(Now.AddDays(10), Now.AddDays(20), RequireSchoolReview: false);
        VerificationDecider.Decide(State(VerificationStatus.Submitted), new CollegeReview("2022001", 3, "approve", null), Context(Counsellor, cohort: noSchoolReview))
            .ShouldHaveSingleItem().ShouldBeOfType<CollegeApproved>().Completes.ShouldBeTrue();
        Decide(VerificationStatus.Submitted, new CollegeReview("2022001", 3, "approve", null), Counsellor)
            .ShouldHaveSingleItem().ShouldBeOfType<CollegeApproved>().Completes.ShouldBeFalse();
    }

    [Fact]
    public void A_rejection_needs_a_reason_and_carries_it()
    {
        Refused(() => Decide(VerificationStatus.Submitted, new CollegeReview("2022001", 3, "reject", "  "), Counsellor),
            VerificationCodes.ReasonRequired);
        Decide(VerificationStatus.Submitted, new CollegeReview("2022001", 3, "reject", "生源地应填写县级代码"), Counsellor)
            .ShouldHaveSingleItem().ShouldBeOfType<CollegeRejected>().Reason.ShouldBe("生源地应填写县级代码");
        Decide(VerificationStatus.CollegeApproved, new SchoolReview("2022001", 3, "reject", "手机号有误"), Office)
            .ShouldHaveSingleItem().ShouldBeOfType<SchoolRejected>().Reason.ShouldBe("手机号有误");
    }

    [Fact]
    public void Approval_is_refused_while_a_differing_proposed_value_was_not_copied()
    {
        var proposed = new Dictionary<string, string?> { ["mobile"] = "13900000000" };
        Refused(() => Decide(VerificationStatus.Submitted, new CollegeReview("2022001", 3, "approve", null), Counsellor, proposed),
            VerificationCodes.ValuesNotCopied);
        Decide(VerificationStatus.Submitted, new CollegeReview("2022001", 3, "approve", null), Counsellor, proposed, copied: ["mobile"])
            .ShouldHaveSingleItem().ShouldBeOfType<CollegeApproved>();
    }

    [Fact]
    public void Copy_is_recorded_only_while_Submitted_and_only_when_something_changed()
    {
        var applied = new List<FieldChange> { new("mobile", "13800000000", "13900000000") };
        Decide(VerificationStatus.Submitted, new RecordCopyToSchoolRecord("2022001", 3, applied, 5), Counsellor)
            .ShouldHaveSingleItem().ShouldBeOfType<ValuesCopiedToSchoolRecord>().RecordVersion.ShouldBe(5);
        Decide(VerificationStatus.Submitted, new RecordCopyToSchoolRecord("2022001", 3, [], 0), Counsellor).ShouldBeEmpty();
        Refused(() => Decide(VerificationStatus.CollegeApproved, new RecordCopyToSchoolRecord("2022001", 3, applied, 5), Counsellor),
            VerificationCodes.InvalidState);
    }

    [Fact]
    public void After_the_student_deadline_students_can_neither_submit_nor_withdraw()
    {
        var late = Now.AddDays(11);
        Refused(() => Decide(VerificationStatus.InProgress, new SubmitVerification("2022001"), Student, now: late), VerificationCodes.DeadlinePassed);
        Refused(() => Decide(VerificationStatus.Submitted, new WithdrawSubmission("2022001"), Student, now: late), VerificationCodes.DeadlinePassed);
        // Reviewing goes on until the review deadline.
        Decide(VerificationStatus.Submitted, new CollegeReview("2022001", 3, "approve", null), Counsellor, now: late)
            .ShouldHaveSingleItem().ShouldBeOfType<CollegeApproved>();
    }

    [Fact]
    public void After_the_review_deadline_only_the_school_office_reviews()
    {
        var late = Now.AddDays(21);
        Refused(() => Decide(VerificationStatus.Submitted, new CollegeReview("2022001", 3, "approve", null), Counsellor, now: late),
            VerificationCodes.DeadlinePassed);
        Decide(VerificationStatus.Submitted, new CollegeReview("2022001", 3, "approve", null), Office, now: late)
            .ShouldHaveSingleItem().ShouldBeOfType<CollegeApproved>();
    }

    [Fact]
    public void An_archived_verification_refuses_everything()
    {
        var archived = State(VerificationStatus.InProgress, archived: true);
        Refused(() => VerificationDecider.Decide(archived, new SubmitVerification("2022001"), Context(Student)), VerificationCodes.Archived);
    }

    [Fact]
    public void A_decision_other_than_approve_or_reject_is_a_400_naming_the_field()
    {
        var e = Should.Throw<ProblemException>(() => Decide(VerificationStatus.Submitted, new CollegeReview("2022001", 3, "maybe", null), Counsellor));
        e.Status.ShouldBe(400);
        e.Errors!.Keys.ShouldContain("decision");
    }
}
