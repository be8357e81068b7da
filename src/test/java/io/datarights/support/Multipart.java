package io.datarights.support;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

/** Builds multipart/form-data bodies for upload tests. */
public final class Multipart {

  private Multipart() {}

  public static Api.Response upload(Api api, String path, String fileName, String contentType, byte[] content, Map<String, String> fields) {
    String boundary = "----datarights" + UUID.randomUUID();
    ByteArrayOutputStream body = new ByteArrayOutputStream((content == null ? 0 : content.length) + 1024);
    for (var field : fields.entrySet()) {
      write(body, "--" + boundary + "\r\n");
      write(body, "Content-Disposition: form-data; name=\"" + field.getKey() + "\"\r\n\r\n");
      write(body, field.getValue() + "\r\n");
    }
    if (content != null) {
      write(body, "--" + boundary + "\r\n");
      write(body, "Content-Disposition: form-data; name=\"file\"; filename=\"" + quoted(fileName) + "\"\r\n");
      write(body, "Content-Type: " + contentType + "\r\n\r\n");
      body.writeBytes(content);
      write(body, "\r\n");
    }
    write(body, "--" + boundary + "--\r\n");
    return api.send("POST", path, "multipart/form-data; boundary=" + boundary, body.toByteArray());
  }

  public static Api.Response upload(Api api, String path, String fileName, String contentType, byte[] content) {
    return upload(api, path, fileName, contentType, content, Map.of());
  }

  /** As a client must send it: quotes and backslashes escaped inside the quoted string. */
  private static String quoted(String fileName) {
    return fileName.replace("\\", "\\\\").replace("\"", "\\\"");
  }

  private static void write(ByteArrayOutputStream out, String text) {
    out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
  }
}
