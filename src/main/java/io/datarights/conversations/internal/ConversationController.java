package io.datarights.conversations.internal;

import io.datarights.conversations.internal.ConversationRequests.NewConversation;
import io.datarights.conversations.internal.ConversationRequests.NewMessage;
import io.datarights.conversations.internal.ConversationRequests.ParticipantChanges;
import io.datarights.conversations.internal.ConversationViews.ConversationView;
import io.datarights.conversations.internal.ConversationViews.MessageView;
import io.datarights.conversations.internal.ConversationViews.ParticipantView;
import io.datarights.security.Caller;
import io.datarights.security.RequiresPermission;
import io.datarights.shared.Listing;
import io.datarights.shared.PageParams;
import java.net.URI;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v2/conversations}: interactions, their participants and messages. */
@RestController
@RequestMapping(ConversationViews.PATH)
class ConversationController {

  static final String VIEW = "conversation:interaction:view";
  static final String ADD = "conversation:interaction:add";
  static final String EDIT = "conversation:interaction:edit";
  static final String DELETE = "conversation:interaction:delete";

  private final ConversationService conversations;

  ConversationController(ConversationService conversations) {
    this.conversations = conversations;
  }

  @PostMapping
  @RequiresPermission(ADD)
  ResponseEntity<ConversationView> create(Caller caller, @RequestBody NewConversation body) {
    ConversationView view = ConversationView.of(conversations.create(caller.orgId(), body));
    return ResponseEntity.created(URI.create(view.selfUri())).body(view);
  }

  @GetMapping
  @RequiresPermission(VIEW)
  Listing<ConversationView> list(
      Caller caller,
      @RequestParam(required = false) Integer pageSize,
      @RequestParam(required = false) Integer pageNumber) {
    PageParams page = PageParams.of(pageSize, pageNumber);
    List<ConversationView> entities =
        conversations.list(caller.orgId(), page).stream().map(ConversationView::of).toList();
    return Listing.of(entities, page, conversations.count(caller.orgId()), ConversationViews.PATH);
  }

  @GetMapping("/{conversationId}")
  @RequiresPermission(VIEW)
  ConversationView get(Caller caller, @PathVariable String conversationId) {
    return ConversationView.of(conversations.get(caller.orgId(), conversationId));
  }

  @DeleteMapping("/{conversationId}")
  @RequiresPermission(DELETE)
  ResponseEntity<Void> delete(Caller caller, @PathVariable String conversationId) {
    conversations.delete(caller.orgId(), conversationId);
    return ResponseEntity.noContent().build();
  }

  @PostMapping("/{conversationId}/messages")
  @RequiresPermission(EDIT)
  ResponseEntity<MessageView> addMessage(Caller caller, @PathVariable String conversationId, @RequestBody NewMessage body) {
    MessageView view = MessageView.of(conversations.addMessage(caller.orgId(), conversationId, body));
    return ResponseEntity.status(HttpStatus.CREATED).body(view);
  }

  @PatchMapping("/{conversationId}/participants/{participantId}")
  @RequiresPermission(EDIT)
  ParticipantView updateParticipant(
      Caller caller,
      @PathVariable String conversationId,
      @PathVariable String participantId,
      @RequestBody ParticipantChanges body) {
    return ParticipantView.of(conversations.updateParticipant(caller.orgId(), conversationId, participantId, body));
  }
}
