package jp.sitesign.model.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import jp.sitesign.model.error.ErrorCode;
import jp.sitesign.model.error.SiteSignException;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/**
 * Commands on the wire as clients wrote them when {@code Command} was one class with every field: each type's
 * JSON, as the outboxes on users' disks hold it, reads as that type's record and is written back byte for
 * byte; a command lacking what its type needs, or carrying what it has no use for, is refused as it is read.
 */
class CommandJsonTest {
    private static final ObjectMapper JSON = WireJson.create();
    private static final String ID = "3f2b8c1e-0d4a-4e6b-9c7d-1a2b3c4d5e6f";
    private static final String K = "7f0c1c5e-7c55-4b8f-a3a3-0d1e2f3a4b5c";
    private static final String DRAFT = "{\"revision\":%s,\"form\":\"BILATERAL\",\"managementNumber\":\"K-1\","
            + "\"title\":\"足場工事 注文書\",\"transactionDate\":\"2026-12-01\",\"amountYen\":500000,\"taxIncluded\":true,"
            + "\"construction\":true,\"terms\":{\"WORK_NAME\":\"〇〇ビル\"},\"note\":\"備考\",\"originalId\":null,"
            + "\"counterparties\":[{\"companyId\":\"C00000002\",\"receiverId\":\"U00000021\"}],\"route\":[\"U00000012\"],"
            + "\"signer\":\"U00000011\",\"deadline\":\"2026-12-24T09:00:00Z\"}";
    private static final String NOTHING_MORE = "\"comment\":null,\"documentSha256\":null,\"baseSha256\":null,"
            + "\"route\":null,\"signer\":null";

    /** What each command type wrote before it had a record of its own, one or more per type. */
    private static Map<String, CommandType> todaysJson() {
        Map<String, CommandType> json = new LinkedHashMap<>();
        json.put("{\"id\":\"" + ID + "\",\"type\":\"CREATE_DRAFT\",\"entityId\":\"" + K + "\",\"baseRevision\":null,"
                + "\"draft\":" + DRAFT.formatted("null") + "," + NOTHING_MORE + "}", CommandType.CREATE_DRAFT);
        json.put("{\"id\":\"" + ID + "\",\"type\":\"EDIT_DRAFT\",\"entityId\":\"" + K + "\",\"baseRevision\":3,"
                + "\"draft\":" + DRAFT.formatted("3") + "," + NOTHING_MORE + "}", CommandType.EDIT_DRAFT);
        json.put("{\"id\":\"" + ID + "\",\"type\":\"ATTACH_DOCUMENT\",\"entityId\":\"" + K + "\",\"baseRevision\":3,"
                + "\"draft\":null,\"comment\":null,\"documentSha256\":\"" + "ab".repeat(32) + "\",\"baseSha256\":null,"
                + "\"route\":null,\"signer\":null}", CommandType.ATTACH_DOCUMENT);
        json.put("{\"id\":\"" + ID + "\",\"type\":\"ATTACH_DOCUMENT\",\"entityId\":\"" + K + "\",\"baseRevision\":3,"
                + "\"draft\":null,\"comment\":null,\"documentSha256\":\"" + "ab".repeat(32) + "\",\"baseSha256\":null,"
                + "\"route\":null,\"signer\":null,\"documentKind\":\"ATTACHMENT\",\"documentName\":\"図面.pdf\"}",
                CommandType.ATTACH_DOCUMENT);
        json.put("{\"id\":\"" + ID + "\",\"type\":\"REMOVE_ATTACHMENT\",\"entityId\":\"" + K + "\",\"baseRevision\":3,"
                + "\"draft\":null,\"comment\":null,\"documentSha256\":\"" + "ab".repeat(32) + "\",\"baseSha256\":null,"
                + "\"route\":null,\"signer\":null}", CommandType.REMOVE_ATTACHMENT);
        for (CommandType step : List.of(CommandType.SUBMIT, CommandType.APPROVE, CommandType.WITHDRAW,
                CommandType.ACKNOWLEDGE, CommandType.DELETE_DRAFT)) {
            json.put("{\"id\":\"" + ID + "\",\"type\":\"" + step + "\",\"entityId\":\"" + K + "\",\"baseRevision\":3,"
                    + "\"draft\":null," + NOTHING_MORE + "}", step);
        }
        json.put("{\"id\":\"" + ID + "\",\"type\":\"RETURN\",\"entityId\":\"" + K + "\",\"baseRevision\":3,"
                + "\"draft\":null,\"comment\":\"金額を確認してください\",\"documentSha256\":null,\"baseSha256\":null,"
                + "\"route\":null,\"signer\":null}", CommandType.RETURN);
        json.put("{\"id\":\"" + ID + "\",\"type\":\"DECLINE\",\"entityId\":\"" + K + "\",\"baseRevision\":3,"
                + "\"draft\":null,\"comment\":\"今回は見送ります\",\"documentSha256\":null,\"baseSha256\":null,"
                + "\"route\":null,\"signer\":null}", CommandType.DECLINE);
        json.put("{\"id\":\"" + ID + "\",\"type\":\"DECLINE\",\"entityId\":\"" + K + "\",\"baseRevision\":3,"
                + "\"draft\":null," + NOTHING_MORE + "}", CommandType.DECLINE);
        // Since issue 14 a withdrawal carries its reason (before, the WITHDRAW of the loop above: no comment).
        json.put("{\"id\":\"" + ID + "\",\"type\":\"WITHDRAW\",\"entityId\":\"" + K + "\",\"baseRevision\":3,"
                + "\"draft\":null,\"comment\":\"発注内容が変わりました\",\"documentSha256\":null,\"baseSha256\":null,"
                + "\"route\":null,\"signer\":null}", CommandType.WITHDRAW);
        json.put("{\"id\":\"" + ID + "\",\"type\":\"SIGN\",\"entityId\":\"" + K + "\",\"baseRevision\":3,"
                + "\"draft\":null,\"comment\":null,\"documentSha256\":\"" + "cd".repeat(32) + "\",\"baseSha256\":\""
                + "ab".repeat(32) + "\",\"route\":null,\"signer\":null,\"keySource\":\"MyToken\"}", CommandType.SIGN);
        json.put("{\"id\":\"" + ID + "\",\"type\":\"SIGN\",\"entityId\":\"" + K + "\",\"baseRevision\":3,"
                + "\"draft\":null,\"comment\":null,\"documentSha256\":\"" + "cd".repeat(32) + "\",\"baseSha256\":\""
                + "ab".repeat(32) + "\",\"route\":null,\"signer\":null}", CommandType.SIGN);
        json.put("{\"id\":\"" + ID + "\",\"type\":\"SET_PARTY_ROUTE\",\"entityId\":\"" + K + "\",\"baseRevision\":3,"
                + "\"draft\":null,\"comment\":null,\"documentSha256\":null,\"baseSha256\":null,"
                + "\"route\":[\"U00000012\"],\"signer\":\"U00000011\"}", CommandType.SET_PARTY_ROUTE);
        json.put("{\"id\":\"" + ID + "\",\"type\":\"MARK_NOTICE_READ\",\"entityId\":\"42\",\"baseRevision\":null,"
                + "\"draft\":null," + NOTHING_MORE + "}", CommandType.MARK_NOTICE_READ);
        json.put("{\"id\":\"" + ID + "\",\"type\":\"AMEND\",\"entityId\":\"" + K + "\",\"baseRevision\":null,"
                + "\"draft\":null," + NOTHING_MORE + ",\"originalId\":\"0b6f0e2a-51d4-4c2e-9d38-3f1b5a6c7d8e\"}",
                CommandType.AMEND);
        return json;
    }

    @Test
    void everyCommandTypeReadsAsItWasWritten_andIsWrittenBackByteForByte() throws Exception {
        Set<CommandType> seen = EnumSet.noneOf(CommandType.class);
        for (Map.Entry<String, CommandType> e : todaysJson().entrySet()) {
            Command c = JSON.readValue(e.getKey(), Command.class);
            assertThat(c.type()).as(e.getKey()).isEqualTo(e.getValue());
            assertThat(c.id()).isEqualTo(UUID.fromString(ID));
            assertThat(JSON.writeValueAsString(c)).as("written back").isEqualTo(e.getKey());
            PushRequest pushed = JSON.readValue("{\"commands\":[" + e.getKey() + "]}", PushRequest.class);
            assertThat(pushed.commands()).containsExactly(c);
            seen.add(c.type());
        }
        assertThat(seen).as("every command type has its JSON here").isEqualTo(EnumSet.allOf(CommandType.class));
    }

    @Test
    void eachTypeReadsAsTheRecordThatCarriesItsFields() throws Exception {
        Map<CommandType, Command> read = new LinkedHashMap<>();
        for (String json : todaysJson().keySet()) {
            read.putIfAbsent(JSON.readValue(json, Command.class).type(), JSON.readValue(json, Command.class));
        }
        assertThat(read.get(CommandType.CREATE_DRAFT)).isInstanceOfSatisfying(Command.CreateDraft.class, c -> {
            assertThat(c.draft().title()).isEqualTo("足場工事 注文書");
            assertThat(c.baseRevision()).isNull();
        });
        assertThat(read.get(CommandType.EDIT_DRAFT)).isInstanceOfSatisfying(Command.EditDraft.class,
                c -> assertThat(c.draft().revision()).isEqualTo(3L));
        assertThat(read.get(CommandType.ATTACH_DOCUMENT)).isInstanceOfSatisfying(Command.AttachDocument.class, c -> {
            assertThat(c.documentKind()).as("left out, as older clients wrote it").isNull();
            assertThat(c.documentKindOrMain()).isEqualTo(DocumentKind.MAIN);
        });
        assertThat(read.get(CommandType.REMOVE_ATTACHMENT)).isInstanceOfSatisfying(Command.RemoveAttachment.class,
                c -> assertThat(c.documentSha256()).isEqualTo("ab".repeat(32)));
        assertThat(read.get(CommandType.SIGN)).isInstanceOfSatisfying(Command.Sign.class, c -> {
            assertThat(c.documentSha256()).isEqualTo("cd".repeat(32));
            assertThat(c.baseSha256()).isEqualTo("ab".repeat(32));
            assertThat(c.keySource()).isEqualTo("MyToken");
        });
        assertThat(read.get(CommandType.SET_PARTY_ROUTE)).isInstanceOfSatisfying(Command.SetPartyRoute.class, c -> {
            assertThat(c.route()).containsExactly("U00000012");
            assertThat(c.signer()).isEqualTo("U00000011");
        });
        assertThat(read.get(CommandType.RETURN)).isInstanceOfSatisfying(Command.CommentedStep.class,
                c -> assertThat(c.comment()).isEqualTo("金額を確認してください"));
        assertThat(read.get(CommandType.DECLINE)).isInstanceOfSatisfying(Command.CommentedStep.class,
                c -> assertThat(c.comment()).isEqualTo("今回は見送ります"));
        assertThat(read.get(CommandType.AMEND)).isInstanceOfSatisfying(Command.Amend.class,
                c -> assertThat(c.originalId()).isEqualTo("0b6f0e2a-51d4-4c2e-9d38-3f1b5a6c7d8e"));
        assertThat(read.get(CommandType.MARK_NOTICE_READ)).isInstanceOfSatisfying(Command.MarkNoticeRead.class,
                c -> assertThat(c.entityId()).isEqualTo("42"));
        for (CommandType step : Command.Step.TYPES) {
            assertThat(read.get(step)).as(step.name()).isInstanceOf(Command.Step.class);
        }
    }

    @Test
    void aWithdrawalCarriesItsReason_andOneAnOlderClientWroteWithoutReadsWithNone() throws Exception {
        Command withReason = Command.withdraw(K, 3L, "発注内容が変わりました");
        Command back = JSON.readValue(JSON.writeValueAsString(withReason), Command.class);
        assertThat(back).isEqualTo(withReason).isInstanceOfSatisfying(Command.CommentedStep.class,
                c -> assertThat(c.comment()).isEqualTo("発注内容が変わりました"));

        Command old = JSON.readValue("{\"id\":\"" + ID + "\",\"type\":\"WITHDRAW\",\"entityId\":\"" + K
                + "\",\"baseRevision\":3,\"draft\":null," + NOTHING_MORE + "}", Command.class);
        assertThat(old).isEqualTo(new Command.CommentedStep(UUID.fromString(ID), CommandType.WITHDRAW, K, 3L, null));
        Command shortest = JSON.readValue("{\"id\":\"" + ID + "\",\"type\":\"WITHDRAW\",\"entityId\":\"" + K
                + "\",\"baseRevision\":3}", Command.class);
        assertThat(shortest).isEqualTo(old);
        assertThat(Command.Step.TYPES).doesNotContain(CommandType.WITHDRAW);
        assertThat(Command.CommentedStep.TYPES).contains(CommandType.WITHDRAW);
    }

    @Test
    void theFieldsACommandDoesNotUseMayBeLeftOut() throws Exception {
        Command short1 = JSON.readValue("{\"id\":\"" + ID + "\",\"type\":\"SUBMIT\",\"entityId\":\"" + K
                + "\",\"baseRevision\":3}", Command.class);
        assertThat(short1).isEqualTo(new Command.Step(UUID.fromString(ID), CommandType.SUBMIT, K, 3L));
    }

    @Test
    void aCommandMissingWhatItsTypeNeedsIsRefusedByNameInBothLanguages() {
        Map<String, String> missing = new LinkedHashMap<>();
        missing.put("{\"id\":\"" + ID + "\",\"type\":\"SIGN\",\"entityId\":\"" + K + "\",\"baseRevision\":3,"
                + "\"documentSha256\":\"" + "cd".repeat(32) + "\"}", "baseSha256");
        missing.put("{\"id\":\"" + ID + "\",\"type\":\"SIGN\",\"entityId\":\"" + K + "\",\"baseRevision\":3,"
                + "\"baseSha256\":\"" + "ab".repeat(32) + "\"}", "documentSha256");
        missing.put("{\"id\":\"" + ID + "\",\"type\":\"CREATE_DRAFT\",\"entityId\":\"" + K + "\"}", "draft");
        missing.put("{\"id\":\"" + ID + "\",\"type\":\"EDIT_DRAFT\",\"entityId\":\"" + K + "\",\"baseRevision\":3,"
                + "\"draft\":null}", "draft");
        missing.put("{\"id\":\"" + ID + "\",\"type\":\"EDIT_DRAFT\",\"entityId\":\"" + K + "\",\"draft\":"
                + DRAFT.formatted("3") + "}", "baseRevision");
        missing.put("{\"id\":\"" + ID + "\",\"type\":\"ATTACH_DOCUMENT\",\"entityId\":\"" + K
                + "\",\"baseRevision\":3}", "documentSha256");
        missing.put("{\"id\":\"" + ID + "\",\"type\":\"ATTACH_DOCUMENT\",\"entityId\":\"" + K + "\",\"baseRevision\":3,"
                + "\"documentSha256\":\"" + "ab".repeat(32) + "\",\"documentKind\":\"ATTACHMENT\"}", "documentName");
        missing.put("{\"id\":\"" + ID + "\",\"type\":\"REMOVE_ATTACHMENT\",\"entityId\":\"" + K
                + "\",\"baseRevision\":3}", "documentSha256");
        missing.put("{\"id\":\"" + ID + "\",\"type\":\"AMEND\",\"entityId\":\"" + K + "\"}", "originalId");
        missing.put("{\"id\":\"" + ID + "\",\"type\":\"APPROVE\",\"baseRevision\":3}", "entityId");
        missing.put("{\"id\":\"" + ID + "\",\"type\":\"RETURN\",\"entityId\":\"" + K + "\",\"comment\":\"x\"}",
                "baseRevision");
        missing.put("{\"id\":\"" + ID + "\",\"type\":\"MARK_NOTICE_READ\"}", "entityId");
        missing.forEach((json, field) -> {
            assertRefused(() -> JSON.readValue(json, Command.class), json, field);
            assertRefused(() -> JSON.readValue("{\"commands\":[" + json + "]}", PushRequest.class), "pushed " + json,
                    field);
        });
    }

    @Test
    void aCommandWithoutIdOrTypeIsRefusedAsBefore() {
        for (String json : List.of("{\"type\":\"SUBMIT\",\"entityId\":\"k\",\"baseRevision\":1}",
                "{\"id\":\"" + ID + "\",\"entityId\":\"k\",\"baseRevision\":1}")) {
            assertThatThrownBy(() -> JSON.readValue(json, Command.class)).as(json)
                    .isInstanceOfSatisfying(SiteSignException.class, e -> {
                        assertThat(e.messageJa()).isEqualTo("各コマンドには id と type が必要です。");
                        assertThat(e.messageEn()).isEqualTo("Every command needs an id and a type.");
                    });
        }
    }

    @Test
    void aFieldTheCommandHasNoUseForIsRefusedRatherThanDropped() {
        Map<String, String> extra = new LinkedHashMap<>();
        extra.put("{\"id\":\"" + ID + "\",\"type\":\"APPROVE\",\"entityId\":\"" + K + "\",\"baseRevision\":3,"
                + "\"comment\":\"了解\"}", "comment");
        extra.put("{\"id\":\"" + ID + "\",\"type\":\"SIGN\",\"entityId\":\"" + K + "\",\"baseRevision\":3,"
                + "\"documentSha256\":\"" + "cd".repeat(32) + "\",\"baseSha256\":\"" + "ab".repeat(32)
                + "\",\"route\":[]}", "route");
        extra.put("{\"id\":\"" + ID + "\",\"type\":\"CREATE_DRAFT\",\"entityId\":\"" + K + "\",\"baseRevision\":2,"
                + "\"draft\":" + DRAFT.formatted("null") + "}", "baseRevision");
        extra.put("{\"id\":\"" + ID + "\",\"type\":\"RETURN\",\"entityId\":\"" + K + "\",\"baseRevision\":3,"
                + "\"keySource\":\"MyToken\"}", "keySource");
        extra.forEach((json, field) -> assertThatThrownBy(() -> JSON.readValue(json, Command.class)).as(json)
                .isInstanceOfSatisfying(SiteSignException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.INVALID_FIELD);
                    assertThat(e.messageJa()).contains("「" + field + "」", "使えません");
                    assertThat(e.messageEn()).contains("\"" + field + "\"", "does not belong");
                }));
    }

    @Test
    void theMainPdfTakesNoName() {
        String json = "{\"id\":\"" + ID + "\",\"type\":\"ATTACH_DOCUMENT\",\"entityId\":\"" + K + "\","
                + "\"baseRevision\":3,\"documentSha256\":\"" + "ab".repeat(32) + "\",\"documentName\":\"本文.pdf\"}";
        for (String named : List.of(json, json.replace("}", ",\"documentKind\":\"MAIN\"}"))) {
            assertThatThrownBy(() -> JSON.readValue(named, Command.class)).as(named)
                    .isInstanceOfSatisfying(SiteSignException.class,
                            e -> assertThat(e.messageEn()).contains("documentName", "ATTACHMENT"));
        }
    }

    @Test
    void anUnknownOrIllTypedCommandTypeIsAWireError() {
        for (String type : List.of("\"LAUNCH\"", "\"sign\"", "7", "true", "[\"SIGN\"]")) {
            assertThatThrownBy(() -> JSON.readValue("{\"commands\":[{\"id\":\"" + ID + "\",\"type\":" + type
                    + ",\"entityId\":\"" + K + "\",\"baseRevision\":1}]}", PushRequest.class)).as(type)
                    .isInstanceOf(MismatchedInputException.class).hasMessageContaining("type");
        }
        assertThatThrownBy(() -> JSON.readValue("{\"id\":\"" + ID + "\",\"type\":\"SUBMIT\",\"entityId\":\"" + K
                + "\",\"baseRevision\":1,\"launchCode\":1}", Command.class))
                .as("a field no command has").isInstanceOf(MismatchedInputException.class)
                .hasMessageContaining("launchCode");
    }

    @Test
    void aRebasedCommandKeepsEverythingButItsRevision() throws Exception {
        for (String json : todaysJson().keySet()) {
            Command c = JSON.readValue(json, Command.class);
            Command rebased = c.rebasedOn(9);
            assertThat(rebased.id()).isEqualTo(c.id());
            assertThat(rebased.type()).isEqualTo(c.type());
            if (c.baseRevision() == null) {
                assertThat(rebased).as("nothing to rebase").isSameAs(c);
                continue;
            }
            assertThat(rebased.baseRevision()).isEqualTo(9L);
            String expected = json.replace("\"baseRevision\":3", "\"baseRevision\":9").replace("{\"revision\":3",
                    "{\"revision\":9");
            assertThat(JSON.writeValueAsString(rebased)).as(json).isEqualTo(expected);
        }
    }

    private static void assertRefused(ThrowingCallable read, String what, String field) {
        assertThatThrownBy(read).as(what).satisfies(t -> {
            SiteSignException e = siteSignCause(t);
            assertThat(e).as(what + ": " + t).isNotNull();
            assertThat(e.code()).isEqualTo(ErrorCode.INVALID_FIELD);
            assertThat(e.messageJa()).contains("「" + field + "」", "必要");
            assertThat(e.messageEn()).contains("\"" + field + "\"", "needs");
        });
    }

    private static SiteSignException siteSignCause(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof SiteSignException e) {
                return e;
            }
        }
        return null;
    }
}
