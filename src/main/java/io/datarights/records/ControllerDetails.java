package io.datarights.records;

/**
 * Who is responsible for an org's processing (Art. 30(1)(a)): the controller, its data protection
 * officer and, where there is one, its representative in the Union and its supervisory authority.
 */
public record ControllerDetails(
    String controllerName,
    String address,
    String contactEmail,
    String dpoName,
    String dpoEmail,
    String representative,
    String supervisoryAuthority) {}
