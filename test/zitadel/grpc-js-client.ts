import { create, type DescFile, toBinary } from "@bufbuild/protobuf";
import { FileDescriptorSetSchema } from "@bufbuild/protobuf/wkt";
import * as grpc from "@grpc/grpc-js";
import { loadFileDescriptorSetFromBuffer } from "@grpc/proto-loader";
import { file_zitadel_auth } from "@zitadel/proto/zitadel/auth_pb.js";
import { file_zitadel_user_v2_user_service } from "@zitadel/proto/zitadel/user/v2/user_service_pb.js";

/**
 * A second, independent gRPC client: @grpc/grpc-js (its own HTTP/2 framing, metadata and status
 * parsing) with messages decoded by protobufjs through @grpc/proto-loader, from the descriptor set
 * of @zitadel/proto's published files — nothing from Connect on the wire.
 */
function descriptorSet(): Buffer {
  const seen = new Map<string, DescFile>();
  const visit = (file: DescFile) => {
    if (seen.has(file.name)) return;
    for (const dep of file.dependencies) visit(dep);
    seen.set(file.name, file);
  };
  visit(file_zitadel_auth);
  visit(file_zitadel_user_v2_user_service);
  const set = create(FileDescriptorSetSchema, { file: [...seen.values()].map((f) => f.proto) });
  return Buffer.from(toBinary(FileDescriptorSetSchema, set));
}

type Unary = (
  request: object,
  metadata: grpc.Metadata,
  callback: (error: grpc.ServiceError | null, response?: Record<string, unknown>) => void,
) => void;

export interface GrpcJsClient {
  call(method: string, request: object, token?: string): Promise<Record<string, unknown>>;
  close(): void;
}

const definition = loadFileDescriptorSetFromBuffer(descriptorSet(), {
  keepCase: true,
  longs: String,
  enums: String,
  defaults: true,
  oneofs: true,
});

/** A grpc-js client of one ZITADEL service (`zitadel.user.v2.UserService`) at `host:port`. */
export function grpcJsClient(service: string, address: string): GrpcJsClient {
  const ctor = grpc.loadPackageDefinition(definition);
  let node: unknown = ctor;
  for (const part of service.split(".")) node = (node as Record<string, unknown>)[part];
  const Client = node as typeof grpc.Client;
  const client = new Client(address, grpc.credentials.createInsecure()) as grpc.Client &
    Record<string, Unary>;
  return {
    call(method, request, token) {
      const metadata = new grpc.Metadata();
      if (token !== undefined) metadata.set("authorization", `Bearer ${token}`);
      return new Promise((resolve, reject) => {
        const fn = client[method];
        if (!fn) throw new Error(`no method ${method}`);
        fn.call(client, request, metadata, (error, response) => {
          if (error) reject(error);
          else resolve(response ?? {});
        });
      });
    },
    close: () => client.close(),
  };
}

/** Awaits a grpc-js call that must fail. */
export async function grpcJsFailure(call: Promise<unknown>): Promise<grpc.ServiceError> {
  try {
    await call;
  } catch (error) {
    return error as grpc.ServiceError;
  }
  throw new Error("the call succeeded but should have failed");
}
