package io.datarights.directory.internal;

import io.datarights.security.Caller;
import io.datarights.security.RequiresPermission;
import io.datarights.shared.ApiException;
import io.datarights.shared.Ids;
import io.datarights.shared.Listing;
import io.datarights.shared.PageParams;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v2/users}: the org's employees, in the Genesys user shape. */
@RestController
@RequestMapping(UserController.PATH)
class UserController {

  static final String PATH = "/api/v2/users";

  private final UserService users;

  UserController(UserService users) {
    this.users = users;
  }

  /** The Genesys user, plus {@code dateAnonymized} once an erasure has anonymized it. */
  record UserView(
      String id,
      String name,
      String email,
      String title,
      String state,
      List<PhoneNumber> phoneNumbers,
      String personalStatus,
      int version,
      Instant dateAnonymized,
      String selfUri) {

    static UserView of(StoredUser u) {
      String id = u.id().toString();
      return new UserView(
          id, u.name(), u.email(), u.title(), u.state(), u.phoneNumbers(), u.personalStatus(), u.version(),
          u.anonymizedAt(), PATH + "/" + id);
    }
  }

  /**
   * As in Genesys, {@code state} defaults to {@code active}; {@code any} lists every user.
   */
  @GetMapping
  @RequiresPermission("directory:user:view")
  Listing<UserView> list(
      Caller caller,
      @RequestParam(required = false) Integer pageSize,
      @RequestParam(required = false) Integer pageNumber,
      @RequestParam(required = false) String state) {
    PageParams page = PageParams.of(pageSize, pageNumber);
    String wanted = state == null || state.isBlank() ? StoredUser.ACTIVE : state.strip().toLowerCase(Locale.ROOT);
    if (!List.of(StoredUser.ACTIVE, StoredUser.INACTIVE, "any").contains(wanted)) {
      throw ApiException.invalidValue("state", "state must be active, inactive or any.");
    }
    return users.list(
        caller.orgId(), wanted.equals("any") ? null : wanted, page, UserView::of, PATH, "state=" + wanted + "&");
  }

  @PostMapping
  @RequiresPermission("directory:user:add")
  ResponseEntity<UserView> create(Caller caller, @RequestBody UserBody body) {
    return ResponseEntity.status(HttpStatus.CREATED).body(UserView.of(users.create(caller.orgId(), body)));
  }

  @GetMapping("/{userId}")
  @RequiresPermission("directory:user:view")
  UserView get(Caller caller, @PathVariable String userId) {
    return UserView.of(users.get(caller.orgId(), Ids.existingOrNotFound(userId, "user")));
  }

  @PutMapping("/{userId}")
  @RequiresPermission("directory:user:edit")
  UserView replace(Caller caller, @PathVariable String userId, @RequestBody UserBody body) {
    return UserView.of(users.update(caller.orgId(), Ids.existingOrNotFound(userId, "user"), body, true));
  }

  @PatchMapping("/{userId}")
  @RequiresPermission("directory:user:edit")
  UserView patch(Caller caller, @PathVariable String userId, @RequestBody UserBody body) {
    return UserView.of(users.update(caller.orgId(), Ids.existingOrNotFound(userId, "user"), body, false));
  }

  @DeleteMapping("/{userId}")
  @RequiresPermission("directory:user:delete")
  ResponseEntity<Void> delete(Caller caller, @PathVariable String userId) {
    users.delete(caller.orgId(), Ids.existingOrNotFound(userId, "user"));
    return ResponseEntity.noContent().build();
  }
}
