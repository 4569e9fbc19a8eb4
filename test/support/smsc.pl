#!/usr/bin/perl
# A scripted SMSC for the SMPP provider's tests, built on Debian's libnet-smpp-perl (Net::SMPP), so the
# provider is checked against an SMPP implementation independent of the npm client it uses.
#
#   perl smsc.pl PORT [PASSWORD]
#
# Listens on 127.0.0.1:PORT, takes bind_transceiver (password PASSWORD, default "secret"), answers
# submit_sm with a message id and sends a delivery receipt (deliver_sm, esm_class 0x04, with the
# receipted_message_id and message_state TLVs and the Appendix B text). Logs one line per event to
# stdout. Control lines on stdin change what comes next; each is echoed as "control <line>" once applied:
#   next_submit throttle|queue_full|invalid_dest|drop|silent|receipt_first|no_receipt|hold_receipt
#                          the next submit_sm is answered ESME_RTHROTTLED / ESME_RMSGQFUL /
#                          ESME_RINVDSTADR, not answered and the connection closed, not answered at all,
#                          answered after its receipt was sent, answered without a receipt, or answered
#                          with its receipt kept until release_receipts (as a handset that answers later)
#   release_receipts       sends the receipts kept so far
#   refuse_binds N         the next N binds are answered ESME_RBINDFAIL
#   receipt_stat STAT      receipts say STAT (DELIVRD, UNDELIV, REJECTD, ENROUTE ...)
#   answer_enquire 0|1     whether enquire_link is answered
use strict;
use warnings;
use IO::Select;
use Net::SMPP;
use POSIX qw(strftime);

my ($port, $password) = @ARGV;
die "usage: smsc.pl PORT [PASSWORD]\n" unless $port;
$password //= 'secret';
$| = 1;

my $listener = Net::SMPP->new_listen('127.0.0.1', port => $port, smpp_version => 0x34)
  or die "cannot listen on $port: $!\n";
my $select = IO::Select->new($listener, \*STDIN);
my @next_submit;
my @held_receipts;
my $refuse_binds = 0;
my $receipt_stat = 'DELIVRD';
my $answer_enquire = 1;
my $next_id = 1;
my $stdin = '';
my %state_of = (ENROUTE => 1, DELIVRD => 2, EXPIRED => 3, DELETED => 4, UNDELIV => 5,
                ACCEPTD => 6, UNKNOWN => 7, REJECTD => 8);

sub say_line { print join(' ', @_), "\n" }

sub drop {
  my ($client, $why) = @_;
  $select->remove($client);
  close $client;
  say_line('closed', $why);
}

sub control {
  my ($line) = @_;
  if ($line =~ /^next_submit (\w+)$/) { push @next_submit, $1 }
  elsif ($line =~ /^refuse_binds (\d+)$/) { $refuse_binds = $1 }
  elsif ($line =~ /^receipt_stat (\w+)$/) { $receipt_stat = $1 }
  elsif ($line =~ /^answer_enquire ([01])$/) { $answer_enquire = $1 }
  elsif ($line eq 'release_receipts') { send_receipt(@$_) for splice(@held_receipts) }
  else { say_line('unknown-control', $line); return }
  say_line('control', $line);
}

sub send_receipt {
  my ($client, $pdu, $id) = @_;
  my $now = strftime('%y%m%d%H%M', gmtime);
  my $text = "id:$id sub:001 dlvrd:" . ($receipt_stat eq 'DELIVRD' ? '001' : '000')
    . " submit date:$now done date:$now stat:$receipt_stat err:000 text:";
  $client->deliver_sm(
    async => 1,
    source_addr_ton => $pdu->{dest_addr_ton}, source_addr_npi => $pdu->{dest_addr_npi},
    source_addr => $pdu->{destination_addr},
    dest_addr_ton => $pdu->{source_addr_ton}, dest_addr_npi => $pdu->{source_addr_npi},
    destination_addr => $pdu->{source_addr},
    esm_class => 0x04, data_coding => 0, short_message => $text,
    receipted_message_id => "$id\0", message_state => chr($state_of{$receipt_stat} // 7),
  );
  say_line('deliver_sm', "id=$id", "stat=$receipt_stat");
}

sub on_submit {
  my ($client, $pdu) = @_;
  my $behaviour = shift(@next_submit) // 'accept';
  say_line('submit_sm', "seq=$pdu->{seq}", "behaviour=$behaviour",
    "source=$pdu->{source_addr}", "source_ton=$pdu->{source_addr_ton}", "source_npi=$pdu->{source_addr_npi}",
    "dest=$pdu->{destination_addr}", "dest_ton=$pdu->{dest_addr_ton}", "dest_npi=$pdu->{dest_addr_npi}",
    "esm_class=$pdu->{esm_class}", "registered_delivery=$pdu->{registered_delivery}",
    "data_coding=$pdu->{data_coding}", 'hex=' . unpack('H*', $pdu->{short_message}));
  my %refusal = (throttle => 0x58, queue_full => 0x14, invalid_dest => 0x0B);
  if ($refusal{$behaviour}) {
    $client->submit_sm_resp(seq => $pdu->{seq}, status => $refusal{$behaviour}, message_id => '');
    return;
  }
  return drop($client, 'mid-send') if $behaviour eq 'drop';
  return if $behaviour eq 'silent';
  my $id = sprintf('smsc%06d', $next_id++);
  send_receipt($client, $pdu, $id) if $behaviour eq 'receipt_first';
  $client->submit_sm_resp(seq => $pdu->{seq}, message_id => $id);
  say_line('submit_sm_resp', "seq=$pdu->{seq}", "id=$id");
  send_receipt($client, $pdu, $id) if $behaviour eq 'accept';
  push @held_receipts, [$client, $pdu, $id] if $behaviour eq 'hold_receipt';
}

sub on_pdu {
  my ($client, $pdu) = @_;
  my $cmd = $pdu->{cmd};
  if ($cmd == 0x00000009) {
    my $status = 0;
    if ($refuse_binds > 0) { $refuse_binds--; $status = 0x0D }
    elsif ($pdu->{password} ne $password) { $status = 0x0E }
    $client->bind_transceiver_resp(seq => $pdu->{seq}, status => $status, system_id => 'perlsmsc');
    say_line($status ? 'bind_refused' : 'bound', "system_id=$pdu->{system_id}",
      "system_type=$pdu->{system_type}", sprintf('status=0x%02X', $status));
  }
  elsif ($cmd == 0x00000004) { on_submit($client, $pdu) }
  elsif ($cmd == 0x80000005) { say_line('deliver_sm_resp', "status=$pdu->{status}") }
  elsif ($cmd == 0x00000015) {
    say_line('enquire_link', "answered=$answer_enquire");
    $client->enquire_link_resp(seq => $pdu->{seq}) if $answer_enquire;
  }
  elsif ($cmd == 0x00000006) {
    $client->unbind_resp(seq => $pdu->{seq});
    say_line('unbind');
  }
  else { $client->generic_nack(seq => $pdu->{seq}, status => 0x03) }
}

say_line('listening', $port);
while (1) {
  for my $fh ($select->can_read) {
    if ($fh == $listener) {
      my $client = $listener->accept or next;
      $select->add($client);
      say_line('connected');
    }
    elsif (fileno($fh) == fileno(STDIN)) {
      my $n = sysread(STDIN, $stdin, 4096, length $stdin);
      exit 0 unless $n;
      while ($stdin =~ s/^([^\n]*)\n//) { control($1) }
    }
    else {
      my $pdu = $fh->read_pdu;
      if (!$pdu) { drop($fh, 'by-peer'); next }
      on_pdu($fh, $pdu);
    }
  }
}
