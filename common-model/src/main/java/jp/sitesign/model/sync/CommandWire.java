package jp.sitesign.model.sync;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.util.StdConverter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A {@link Command} as JSON: one flat object with every field any command uses, in the order and with the
 * inclusion rules of the time when {@code Command} was that one class. The first ten fields are always
 * written (null where unused) and the four later ones only when set, so what a command writes is byte for
 * byte what it wrote before, and what older clients and outboxes on disk wrote still reads. Reading goes
 * through this record first, so the wire's strict rules ({@link WireJson}) apply unchanged; then
 * {@link Reading} picks the record for the {@code type}, refusing a field that type has no use for.
 */
record CommandWire(UUID id, CommandType type, String entityId, Long baseRevision, ContractDraft draft,
        String comment, String documentSha256, String baseSha256, List<String> route, String signer,
        @JsonInclude(JsonInclude.Include.NON_NULL) DocumentKind documentKind,
        @JsonInclude(JsonInclude.Include.NON_NULL) String documentName,
        @JsonInclude(JsonInclude.Include.NON_NULL) String originalId,
        @JsonInclude(JsonInclude.Include.NON_NULL) String keySource) {

    /** The JSON form of a command. */
    static CommandWire of(Command c) {
        Command.AttachDocument attach = c instanceof Command.AttachDocument a ? a : null;
        Command.Sign sign = c instanceof Command.Sign s ? s : null;
        Command.SetPartyRoute route = c instanceof Command.SetPartyRoute r ? r : null;
        String comment = c instanceof Command.CommentedStep s ? s.comment() : null;
        String sha = c instanceof Command.WithUpload u ? u.documentSha256()
                : c instanceof Command.RemoveAttachment r ? r.documentSha256() : null;
        return new CommandWire(c.id(), c.type(), c.entityId(), c.baseRevision(),
                c instanceof Command.WithDraft d ? d.draft() : null, comment, sha,
                sign == null ? null : sign.baseSha256(), route == null ? null : route.route(),
                route == null ? null : route.signer(), attach == null ? null : attach.documentKind(),
                attach == null ? null : attach.documentName(),
                c instanceof Command.Amend a ? a.originalId() : null, sign == null ? null : sign.keySource());
    }

    /**
     * The command this JSON names, with the fields its type uses; a field it has no use for must be absent
     * or null, so a client's mistake is told rather than dropped.
     */
    Command command() {
        if (id == null || type == null) {
            throw CommandError.ID_AND_TYPE_REQUIRED.exception();
        }
        return switch (type) {
            case CREATE_DRAFT -> {
                unused(baseRevision, "baseRevision");
                only("draft");
                yield new Command.CreateDraft(id, entityId, draft);
            }
            case EDIT_DRAFT -> {
                only("draft");
                yield new Command.EditDraft(id, entityId, baseRevision, draft);
            }
            case ATTACH_DOCUMENT -> {
                only("documentSha256", "documentKind", "documentName");
                yield new Command.AttachDocument(id, entityId, baseRevision, documentSha256, documentKind,
                        documentName);
            }
            case REMOVE_ATTACHMENT -> {
                only("documentSha256");
                yield new Command.RemoveAttachment(id, entityId, baseRevision, documentSha256);
            }
            case SIGN -> {
                only("documentSha256", "baseSha256", "keySource");
                yield new Command.Sign(id, entityId, baseRevision, documentSha256, baseSha256, keySource);
            }
            case SET_PARTY_ROUTE -> {
                only("route", "signer");
                yield new Command.SetPartyRoute(id, entityId, baseRevision, route, signer);
            }
            case AMEND -> {
                unused(baseRevision, "baseRevision");
                only("originalId");
                yield new Command.Amend(id, entityId, originalId);
            }
            // WITHDRAW without a comment is how clients before issue 14 wrote it: it reads, with no reason.
            case RETURN, DECLINE, WITHDRAW -> {
                only("comment");
                yield new Command.CommentedStep(id, type, entityId, baseRevision, comment);
            }
            case MARK_NOTICE_READ -> {
                unused(baseRevision, "baseRevision");
                only();
                yield new Command.MarkNoticeRead(id, entityId);
            }
            case SUBMIT, APPROVE, ACKNOWLEDGE, DELETE_DRAFT -> {
                only();
                yield new Command.Step(id, type, entityId, baseRevision);
            }
        };
    }

    /** Refuses a value in any type-specific field but {@code used}. */
    private void only(String... used) {
        Map<String, Object> specific = new LinkedHashMap<>();
        specific.put("draft", draft);
        specific.put("comment", comment);
        specific.put("documentSha256", documentSha256);
        specific.put("baseSha256", baseSha256);
        specific.put("route", route);
        specific.put("signer", signer);
        specific.put("documentKind", documentKind);
        specific.put("documentName", documentName);
        specific.put("originalId", originalId);
        specific.put("keySource", keySource);
        List.of(used).forEach(specific::remove);
        specific.forEach((field, value) -> unused(value, field));
    }

    private void unused(Object value, String field) {
        if (value != null) {
            throw CommandError.FIELD_NOT_ALLOWED.exception(field, type);
        }
    }

    /** Writes a command as its flat JSON object. */
    static final class Writing extends StdConverter<Command, CommandWire> {
        @Override
        public CommandWire convert(Command command) {
            return of(command);
        }
    }

    /** Reads a flat JSON object as the command its {@code type} names. */
    static final class Reading extends StdConverter<CommandWire, Command> {
        @Override
        public Command convert(CommandWire wire) {
            return wire.command();
        }
    }
}
